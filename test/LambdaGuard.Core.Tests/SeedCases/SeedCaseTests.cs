using System.Text.Json;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.SeedCases;

/// <summary>Every test case the seed rules published must give the result they expect (issue 2 "Done
/// when": all seed cases hold). The CRUD seed's hard-coded *DeployRole exclusion is a suppression here.</summary>
public sealed class SeedCaseTests
{
    private const string UpdateCodeRule = "Panther AWS.Lambda.UpdateFunctionCode";
    private const string CrudRule = "Panther AWS.LAMBDA.CRUD";
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    // Anchored and pinned (docs/detections.md §5): the seed's `*DeployRole` would also silence every other
    // account's DeployRole and `user/NotADeployRole`.
    private static readonly SuppressionEntry DeployRoleExclusion = new()
    {
        Id = "panther-crud-deployrole",
        Reason = "The Panther CRUD seed excludes the DeployRole identity's deletions",
        ExpiresAt = new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero),
        Principal = "arn:aws:iam::123456789012:user/DeployRole",
        Api = "DeleteFunction",
        RuleId = "LG009",
    };

    private static readonly string[] CrudRuleIds = ["LG001", "LG002", "LG003", "LG004", "LG005", "LG006", "LG007", "LG008", "LG009"];

    public static TheoryData<string, string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, string, bool>();
        using var document = JsonDocument.Parse(Fixtures.Bytes("SeedCases", "cases.json"));
        foreach (var seedCase in document.RootElement.EnumerateArray())
        {
            data.Add(
                seedCase.GetProperty("name").GetString()!,
                seedCase.GetProperty("file").GetString()!,
                seedCase.GetProperty("sourceRule").GetString()!,
                seedCase.GetProperty("sourceExpectedResult").GetBoolean());
        }

        return data;
    }

    [Fact]
    public void Cases_WhenLoaded_ShouldCoverEveryCaseFileOfTheSeeds()
    {
        // Arrange
        var caseFiles = Directory.GetFiles(Fixtures.PathOf("SeedCases"), "*.json")
            .Select(Path.GetFileName)
            .Where(name => name != "cases.json")
            .Order(StringComparer.Ordinal);

        // Act
        var listed = Cases().Select(row => (string)row[1]).Order(StringComparer.Ordinal);

        // Assert
        Assert.Equal(caseFiles, listed);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detect_WhenSeedCaseEvaluated_ShouldGiveTheSeedsExpectedResult(string name, string file, string sourceRule, bool expected)
    {
        // Arrange
        var record = Fixtures.Record("SeedCases", file);
        var detector = new Detector(new DetectorSettings());

        // Act
        var finding = detector.Detect(record).Finding;
        var suppressedBy = finding is null ? null : SuppressionMatcher.FindMatch(finding, [DeployRoleExclusion], Now);
        var alerted = sourceRule switch
        {
            UpdateCodeRule => finding is { RuleId: "LG001" } && suppressedBy is null,
            CrudRule => finding is not null && CrudRuleIds.Contains(finding.RuleId) && suppressedBy is null,
            _ => throw new InvalidOperationException($"case '{name}' names an unknown seed rule {sourceRule}"),
        };

        // Assert
        Assert.True(expected == alerted, $"seed case '{name}' ({file}): expected {expected}, got {alerted} (finding {finding?.RuleId ?? "none"}, suppressed by {suppressedBy?.Id ?? "nothing"})");
    }

    [Fact]
    public void Detect_WhenAuthorizedDeployRoleCaseHasNoSuppression_ShouldStillFindIt()
    {
        // Arrange: without the entry the DeployRole delete is an ordinary human change; the suppression is what silences it.
        var record = Fixtures.Record("SeedCases", "crud--lambda-deletefunction-authorized-account.json");

        // Act
        var finding = new Detector(new DetectorSettings()).Detect(record).Finding;

        // Assert
        Assert.NotNull(finding);
        Assert.Equal("LG009", finding.RuleId);
        Assert.Null(SuppressionMatcher.FindMatch(finding, [], Now));
    }
}

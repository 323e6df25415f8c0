using System.Text.Json;
using LambdaGuard.Cli.Tests.Replay;

namespace LambdaGuard.Cli.Tests.Rules;

/// <summary><c>lambdaguard rules</c>: the catalog in force, for people and for machines.</summary>
public sealed class RulesCommandTests
{
    private static readonly string[] AllRules = ["LG001", "LG002", "LG003", "LG004", "LG005", "LG006", "LG007", "LG008", "LG009", "LG010", "LG011", "LG012"];

    [Fact]
    public async Task Rules_WhenListedAsTable_ShouldShowEveryRuleWithScopeAndMitre()
    {
        // Act
        var run = await CliRun.RunAsync("rules");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        Assert.All(AllRules, id => Assert.Contains(id, run.Out, StringComparison.Ordinal));
        Assert.Contains("Function wired to another account", run.Out, StringComparison.Ordinal);
        Assert.Contains("every actor but AwsService", run.Out, StringComparison.Ordinal);
        Assert.Contains("T1537", run.Out, StringComparison.Ordinal);
        Assert.Contains("Evaluation order: LG010, LG005, LG004, LG007, LG006, LG012, LG008, LG001, LG003, LG002, LG009", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rules_WhenListedAsJson_ShouldGiveIdTitleSeverityScopeAndMitrePerRule()
    {
        // Act
        var run = await CliRun.RunAsync("rules", "--format", "json");

        // Assert
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var rules = json.RootElement.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(AllRules, rules.Select(r => r.GetProperty("id").GetString()));
        var lg012 = rules.Single(r => r.GetProperty("id").GetString() == "LG012");
        Assert.Equal("Function wired to another account", lg012.GetProperty("title").GetString());
        Assert.Equal("High", lg012.GetProperty("severity").GetString());
        Assert.Equal(["Medium", "High"], lg012.GetProperty("severities").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("Exposure", lg012.GetProperty("scope").GetString());
        Assert.Contains(lg012.GetProperty("mitre").EnumerateArray(), m => m.GetProperty("techniqueId").GetString() == "T1537");
        Assert.Equal("Change", rules[0].GetProperty("scope").GetString());
        Assert.False(rules.Single(r => r.GetProperty("id").GetString() == "LG010").GetProperty("suppressible").GetBoolean());
    }

    [Fact]
    public async Task Rules_WhenFormatUnknown_ShouldBeAUsageErrorNamingTheOption()
    {
        // Act
        var run = await CliRun.RunAsync("rules", "--format", "yaml");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Out);
        Assert.Contains("yaml", run.Error, StringComparison.Ordinal);
    }
}

using CsCheck;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Suppressions;

/// <summary>Issue 10/11 invariants, over every finding the rule fixtures produce and entries built from
/// their own values, wildcards and near misses: suppressions never widen (a selector added to an entry
/// never makes it match more), a Critical finding is silenced only by an entry naming its rule and
/// function exactly, and an entry with a problem silences nothing. CI runs 2,000 cases per property; a longer
/// run: <c>CsCheck_Iter=200000 dotnet test test/LambdaGuard.Core.Tests -c Release --filter NeverWidens</c>.</summary>
public sealed class SuppressionNeverWidensPropertyTests
{
    private static readonly long Iterations =
        long.TryParse(Environment.GetEnvironmentVariable("CsCheck_Iter"), System.Globalization.CultureInfo.InvariantCulture, out var iterations) ? iterations : 2_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<Finding> Findings = LoadFindings();

    // Built before Entries, which draws from it.
    private static readonly IReadOnlyList<string>[] PatternCache = SuppressionSelectors.All
        .Select(selector =>
        {
            var values = Findings.Select(selector.FindingValue).OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            var patterns = new List<string> { "*", "*?", "**", "no-such-value" };
            foreach (var value in values)
            {
                patterns.Add(value);
                patterns.Add(value[..(value.Length / 2)] + "*");
                patterns.Add("*" + value[(value.Length / 2)..]);
                patterns.Add(value[..^1] + "?");
            }

            if (selector.Name == "ruleId")
            {
                patterns.AddRange(RuleCatalog.All.Select(r => r.Id));
                patterns.AddRange(["LG00?", "LG01?", "LG*"]);
            }

            return (IReadOnlyList<string>)patterns.Distinct(StringComparer.Ordinal).ToList();
        })
        .ToArray();


    private static readonly Gen<SuppressionEntry> Entries =
        Gen.Select(Pattern(0).Null(0.6), Pattern(1).Null(0.6), Pattern(2).Null(0.6), Pattern(3).Null(0.6), Pattern(4).Null(0.7), Pattern(5).Null(0.7), (p, f, a, r, acc, reg) =>
            new SuppressionEntry { Id = "e", Reason = "property", ExpiresAt = Now.AddDays(7), Principal = p, Function = f, Api = a, RuleId = r, Account = acc, Region = reg });

    [Fact]
    public void Explain_WhenASelectorIsAdded_ShouldNeverMatchMoreFindings()
    {
        // Arrange
        var cases = Gen.Select(Entries, Gen.Int[0, SuppressionSelectors.All.Count - 1], Gen.Int[0, 1000]);

        // Act + Assert
        cases.Sample((entry, index, seed) =>
        {
            var selector = SuppressionSelectors.All[index];
            if (selector.Get(entry) is not null || SuppressionSelectors.All.All(s => s.Get(entry) is null))
            {
                return true;
            }

            var narrower = selector.With(entry, PatternsFor(index)[seed % PatternsFor(index).Count]);
            return Findings.All(finding =>
            {
                var before = SuppressionMatcher.Explain(entry, finding, Now);
                var after = SuppressionMatcher.Explain(narrower, finding, Now);
                var checksNeverWiden = !after.Checks.All(c => c.Matched) || before.Checks.All(c => c.Matched);
                var suppressionNeverWidens = !after.Suppresses || before.Suppresses || finding.Severity == Severity.Critical;
                return checksNeverWiden && suppressionNeverWidens;
            });
        }, iter: Iterations);
    }

    [Fact]
    public void Explain_WhenFindingIsCritical_ShouldSuppressOnlyWithExactRuleAndFunction()
    {
        Entries.Sample(entry => Findings.Where(f => f.Severity == Severity.Critical).All(finding =>
            !SuppressionMatcher.Explain(entry, finding, Now).Suppresses
            || (entry.RuleId == finding.RuleId && entry.Function == finding.Target.FunctionName
                && entry.RuleId.IndexOfAny(['*', '?']) < 0 && entry.Function!.IndexOfAny(['*', '?']) < 0)), iter: Iterations);
    }

    [Fact]
    public void Explain_WhenEntryHasAProblem_ShouldSuppressNothing()
    {
        // Arrange: the two ways a problem reaches an entry: recorded by a reader, or an empty selector.
        var broken = Gen.Select(Entries, Gen.Int[0, SuppressionSelectors.All.Count - 1], Gen.Bool, (entry, index, typo) => typo
            ? entry with { ReadProblems = [new SuppressionProblem("princpal", "'princpal' is not an entry field", "did you mean 'principal'?")] }
            : SuppressionSelectors.All[index].With(entry, string.Empty));

        // Act + Assert
        broken.Sample(entry => Findings.All(finding => !SuppressionMatcher.Explain(entry, finding, Now).Suppresses), iter: Iterations);
    }

    [Fact]
    public void Findings_WhenLoadedFromTheRuleFixtures_ShouldIncludeCriticalAndSuppressibleOnes()
    {
        // Assert: the properties above are only as good as the findings they run over.
        Assert.Contains(Findings, f => f.Severity == Severity.Critical && f.Rule.Suppressible);
        Assert.Contains(Findings, f => f.Severity != Severity.Critical && f.Rule.Suppressible);
        Assert.True(Findings.Count >= 20, $"only {Findings.Count} findings");
    }

    private static List<Finding> LoadFindings()
    {
        var detector = new Detector(new DetectorSettings());
        return Directory.GetFiles(Fixtures.PathOf("Rules"), "*.json")
            .SelectMany(path => Fixtures.ReadAll(File.ReadAllBytes(path), path))
            .Where(item => item.Record is not null)
            .Select(item => detector.Detect(item.Record!).Finding)
            .OfType<Finding>()
            .ToList();
    }

    private static Gen<string> Pattern(int selectorIndex) => Gen.OneOf(PatternsFor(selectorIndex).ToArray());

    /// <summary>The values the findings carry for this selector, and globs around them: universal ones,
    /// prefixes, suffixes, one-character wildcards and a value that matches nothing.</summary>
    private static IReadOnlyList<string> PatternsFor(int selectorIndex) => PatternCache[selectorIndex];
}

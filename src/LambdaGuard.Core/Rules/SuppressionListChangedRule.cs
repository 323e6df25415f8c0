namespace LambdaGuard.Core.Rules;

/// <summary>LG011's definition. It is not evaluated on CloudTrail records: the suppression table's stream
/// feeds <see cref="Suppressions.SuppressionAuditor"/>.</summary>
public static class SuppressionListChangedRule
{
    public static RuleDefinition Definition { get; } = new(
        "LG011",
        "LambdaGuard's suppression list changed",
        Severity.Medium,
        [Mitre.DefenseEvasionImpairDefenses],
        "A suppression entry was added, changed or removed. Suppressions silence alerts, so every change is reported; an attacker with table access could otherwise mute LambdaGuard quietly.",
        [
            "Confirm the change with the admin named in createdBy (self-reported: verify with CloudTrail data events on the table, see README).",
            "Check that the reason is real and the expiry short; a broad entry (all selectors *) silences everything.",
            "If unauthorized, remove or restore the entry (lambdaguard suppressions remove/import) and review who can write the table.",
        ],
        ["LambdaGuard"],
        RuleScope.Audit,
        Suppressible: false,
        Severities: [Severity.Info, Severity.Medium, Severity.High]);
}

using LambdaGuard.Core.Alerts;

namespace LambdaGuard.Aws.Tests.Sns;

internal static class AlertMessages
{
    /// <summary>A realistic MessageStructure=json document (Fixtures/alert-message-structure.json), with
    /// characters that need form encoding: newlines, &amp;, =, +-free unicode.</summary>
    public static AlertMessage Sample() => new(
        "a1b2c3",
        "[High] LG001 Lambda code updated by a human: payments-api",
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "alert-message-structure.json")),
        new Dictionary<string, string>
        {
            ["severity"] = "High",
            ["ruleId"] = "LG001",
            ["api"] = "UpdateFunctionCode",
            ["account"] = "123456789012",
            ["actorClass"] = "Human",
        });
}

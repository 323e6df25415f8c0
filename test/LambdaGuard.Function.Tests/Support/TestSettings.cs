using LambdaGuard.Core.Detection;
using LambdaGuard.Function.Settings;

namespace LambdaGuard.Function.Tests.Support;

internal static class TestSettings
{
    public static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 0, 30, TimeSpan.Zero);

    public static FunctionSettings Create(string topicArn = "arn:aws:sns:us-east-1:000000000000:alerts", string suppressionsTable = "Suppressions", string claimsTable = "AlertClaims") => new()
    {
        SuppressionsTable = suppressionsTable,
        ClaimsTable = claimsTable,
        TopicArn = topicArn,
        Detector = new DetectorSettings(),
        Timeout = TimeSpan.FromSeconds(30),
    };
}

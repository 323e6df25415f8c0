using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Aws.Tests.Publishing;

/// <summary>Alerts built by the real builder from a CloudTrail fixture (Fixtures/cloudtrail-alert-cases.json).</summary>
internal static class RealAlerts
{
    public static readonly DateTimeOffset DetectedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static AlertMessage For(string eventId)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "cloudtrail-alert-cases.json"));
        var record = new CloudTrailReader().Read(bytes, "cloudtrail-alert-cases.json", new ReadCounters())
            .Single(item => item.Record?.EventId == eventId).Record!;
        var finding = new Detector(new DetectorSettings()).Detect(record).Finding!;
        return new AlertBuilder().Build(finding, DetectedAt, SuppressionCheck.Checked);
    }
}

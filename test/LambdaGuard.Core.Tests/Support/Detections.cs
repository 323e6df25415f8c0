using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Tests.Support;

internal static class Detections
{
    public static DetectionResult Of(string file, string eventId, DetectorSettings? settings = null) =>
        new Detector(settings ?? new DetectorSettings()).Detect(Fixtures.RecordById(file, eventId));

    public static Finding FindingOf(string file, string eventId, DetectorSettings? settings = null)
    {
        var result = Of(file, eventId, settings);
        Assert.True(result.Finding is not null, $"{eventId}: expected a finding, got {result.Decision}");
        return result.Finding;
    }
}

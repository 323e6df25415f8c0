using System.Text.Json;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Rules;
using LambdaGuard.Function.Observability;
using LambdaGuard.Function.Tests.Support;

namespace LambdaGuard.Function.Tests.Observability;

public sealed class InvocationMetricsTests
{
    [Fact]
    public void WriteTo_WhenFindingsRecorded_ShouldWriteValidEmfWithEveryDeclaredMetricPresent()
    {
        // Arrange
        var capture = new TelemetryCapture();
        var metrics = new InvocationMetrics();
        var location = new RecordLocation("event", 0);
        metrics.Add(new RecordOutcome { Kind = RecordOutcomeKind.Published, Location = location, Severity = Severity.High, LagSeconds = 12.5 });
        metrics.Add(new RecordOutcome { Kind = RecordOutcomeKind.Suppressed, Location = location, Severity = Severity.Medium, LagSeconds = 3 });

        // Act
        metrics.WriteTo(new TelemetryWriter(capture.Output), TestSettings.Now);

        // Assert
        Assert.All(capture.RawLines, line => Assert.DoesNotContain('\n', line));
        var documents = capture.MetricDocuments;
        Assert.Equal(3, documents.Count);
        foreach (var document in documents)
        {
            var directive = document.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
            Assert.Equal("LambdaGuard", directive.GetProperty("Namespace").GetString());
            Assert.Equal(TestSettings.Now.ToUnixTimeMilliseconds(), document.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
            Assert.Equal("LambdaGuard", document.GetProperty("Service").GetString());
            foreach (var dimension in directive.GetProperty("Dimensions")[0].EnumerateArray())
            {
                Assert.Equal(JsonValueKind.String, document.GetProperty(dimension.GetString()!).ValueKind);
            }

            foreach (var metric in directive.GetProperty("Metrics").EnumerateArray())
            {
                Assert.True(document.TryGetProperty(metric.GetProperty("Name").GetString()!, out _), $"declared metric {metric} has no value");
            }
        }

        Assert.Equal([12.5, 3], documents[0].GetProperty("IngestLagSeconds").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(["High", "Medium"], documents.Skip(1).Select(d => d.GetProperty("Severity").GetString()).Order());
    }
}

using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Core.Tests.Pipeline;

public sealed class RecordOutcomeJsonTests
{
    [Theory]
    [InlineData(RecordOutcomeKind.NoFinding, "no-finding")]
    [InlineData(RecordOutcomeKind.Suppressed, "suppressed")]
    [InlineData(RecordOutcomeKind.Published, "published")]
    [InlineData(RecordOutcomeKind.Duplicate, "duplicate")]
    [InlineData(RecordOutcomeKind.Malformed, "malformed")]
    [InlineData(RecordOutcomeKind.InProgress, "in-progress")]
    [InlineData(RecordOutcomeKind.PublishFailed, "failed")]
    public void JsonName_WhenGivenAnOutcome_ShouldSpellItAsReplayJsonlAlwaysHas(RecordOutcomeKind kind, string expected)
    {
        // Act
        var name = RecordOutcomeJson.JsonName(kind);

        // Assert
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData(RecordOutcomeKind.NoFinding, "no finding")]
    [InlineData(RecordOutcomeKind.Suppressed, "suppressed")]
    [InlineData(RecordOutcomeKind.Published, "published")]
    [InlineData(RecordOutcomeKind.Duplicate, "duplicate")]
    [InlineData(RecordOutcomeKind.Malformed, "malformed")]
    [InlineData(RecordOutcomeKind.InProgress, "in progress")]
    [InlineData(RecordOutcomeKind.PublishFailed, "FAILED")]
    public void Name_WhenGivenAnOutcome_ShouldSpellItAsReplayTableAlwaysHas(RecordOutcomeKind kind, string expected)
    {
        // Act
        var name = RecordOutcomeJson.Name(kind);

        // Assert
        Assert.Equal(expected, name);
    }

    [Fact]
    public void WriteProperties_WhenPublishFailed_ShouldWriteTheJsonSpelling()
    {
        // Arrange
        var outcome = new RecordOutcome { Kind = RecordOutcomeKind.PublishFailed, Location = new RecordLocation("f.json", 0), Error = "timeout" };
        using var buffer = new MemoryStream();

        // Act
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            RecordOutcomeJson.WriteProperties(json, outcome);
            json.WriteEndObject();
        }

        // Assert
        using var document = JsonDocument.Parse(buffer.ToArray());
        Assert.Equal("failed", document.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public void WriteProperties_WhenValuesAreAbsent_ShouldLeaveThemOutButAlwaysWriteWarnings()
    {
        // Arrange
        var outcome = new RecordOutcome { Kind = RecordOutcomeKind.Malformed, Location = new RecordLocation("f.json", 3), Error = "not an object" };
        using var buffer = new MemoryStream();

        // Act
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            RecordOutcomeJson.WriteProperties(json, outcome);
            json.WriteEndObject();
        }

        // Assert
        Assert.Equal("""{"outcome":"malformed","error":"not an object","warnings":[]}""", Encoding.UTF8.GetString(buffer.ToArray()));
    }
}

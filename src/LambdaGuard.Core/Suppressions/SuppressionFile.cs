using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Suppressions;

/// <summary>The local suppression file <c>{"suppressions":[...]}</c>: read by <c>scan --suppressions</c>,
/// written by <c>suppressions export</c>, applied by <c>suppressions import</c>.</summary>
public static class SuppressionFile
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static SuppressionFileContent Parse(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new SuppressionFileException($"not valid JSON at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("suppressions", out var list)
                || list.ValueKind != JsonValueKind.Array)
            {
                throw new SuppressionFileException("expected an object {\"suppressions\": [ ... ]}");
            }

            var entries = new List<SuppressionEntry>();
            var warnings = new List<string>();
            var problems = new List<string>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            void Problem(string message)
            {
                problems.Add(message);
                warnings.Add(message);
            }

            void ProblemsOf(SuppressionReadResult read, string where, string outcome)
            {
                foreach (var p in read.Problems)
                {
                    Problem($"{where}.{p.Field}: {p.Message}; {outcome} ({p.Fix})");
                }
            }

            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var where = $"suppressions[{index++}]";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    Problem($"{where}: expected an object, found {element.ValueKind}; ignored");
                    continue;
                }

                var read = SuppressionEntryReader.Read(element.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, StoredValue(p.Value))));
                if (read.Entry is not { } entry)
                {
                    ProblemsOf(read, where, "entry ignored");
                    continue;
                }

                where = $"{where} '{Alerts.SafeText.Line(entry.Id, 128)}'";
                if (!ids.Add(entry.Id))
                {
                    Problem($"{where}: id appears twice; the later entry is ignored");
                    continue;
                }

                ProblemsOf(read, where, "entry ignored, it suppresses nothing");
                warnings.AddRange(read.Warnings.Select(p => $"{where}.{p.Field}: warning: {p.Message} ({p.Fix})"));
                entries.Add(entry);
            }

            return new SuppressionFileContent(entries, warnings) { Problems = problems };
        }
    }

    public static string Write(IEnumerable<SuppressionEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("suppressions");
            foreach (var entry in entries.OrderBy(e => e.Id, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString(SuppressionEntryReader.Id, entry.Id);
                writer.WriteString(SuppressionEntryReader.Reason, entry.Reason);
                WriteOptional(writer, SuppressionEntryReader.ExpiresAt, entry.ExpiresAt is { } e ? IsoTime.Format(e) : null);
                foreach (var selector in SuppressionSelectors.All)
                {
                    WriteOptional(writer, selector.Name, selector.Get(entry));
                }

                WriteOptional(writer, SuppressionEntryReader.CreatedBy, entry.CreatedBy);
                WriteOptional(writer, SuppressionEntryReader.CreatedAt, entry.CreatedAt is { } c ? IsoTime.Format(c) : null);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static SuppressionStoredValue StoredValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => SuppressionStoredValue.Of(value.GetString()!),
        JsonValueKind.Null => new(SuppressionStoredValueKind.Null, null),
        JsonValueKind.Number => new(SuppressionStoredValueKind.Number, null),
        JsonValueKind.True or JsonValueKind.False => new(SuppressionStoredValueKind.Boolean, null),
        JsonValueKind.Array => new(SuppressionStoredValueKind.List, null),
        JsonValueKind.Object => new(SuppressionStoredValueKind.Map, null),
        _ => new(SuppressionStoredValueKind.Other, null),
    };

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}

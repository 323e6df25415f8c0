using System.Globalization;
using System.Text;
using System.Text.Json;

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
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var element in list.EnumerateArray())
            {
                var where = $"suppressions[{index++}]";
                if (ReadEntry(element, where, warnings) is not { } entry)
                {
                    continue;
                }

                if (!ids.Add(entry.Id))
                {
                    warnings.Add($"{where}.id: '{entry.Id}' appears twice; the later entry is ignored");
                    continue;
                }

                warnings.AddRange(SuppressionValidator.ValidateForUse(entry).Problems.Select(p => $"{where}.{p.Field}: {p.Message}; ignored ({p.Fix})"));
                entries.Add(entry);
            }

            return new SuppressionFileContent(entries, warnings);
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
                writer.WriteString("id", entry.Id);
                writer.WriteString("reason", entry.Reason);
                WriteOptional(writer, "expiresAt", entry.ExpiresAt is { } e ? Iso(e) : null);
                WriteOptional(writer, "principal", entry.Principal);
                WriteOptional(writer, "function", entry.Function);
                WriteOptional(writer, "api", entry.Api);
                WriteOptional(writer, "ruleId", entry.RuleId);
                WriteOptional(writer, "account", entry.Account);
                WriteOptional(writer, "region", entry.Region);
                WriteOptional(writer, "createdBy", entry.CreatedBy);
                WriteOptional(writer, "createdAt", entry.CreatedAt is { } c ? Iso(c) : null);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with an explicit offset or Z; a bare local time is refused, since an expiry that
    /// depends on the machine's time zone is a bug waiting to happen.</summary>
    public static bool TryParseTime(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var hasZone = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || (trimmed.Length > 19 && (trimmed[^6] == '+' || trimmed[^6] == '-'));
        if (!hasZone && trimmed.Length > 10)
        {
            return false;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }

    private static SuppressionEntry? ReadEntry(JsonElement element, string where, List<string> warnings)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            warnings.Add($"{where}: expected an object, found {element.ValueKind}; ignored");
            return null;
        }

        string? Text(string name)
        {
            if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return value.GetString();
            }

            warnings.Add($"{where}.{name}: expected a string, found {value.ValueKind}; field ignored");
            return null;
        }

        var id = Text("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            warnings.Add($"{where}.id: missing; entry ignored (give every entry a unique id)");
            return null;
        }

        var reason = Text("reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            warnings.Add($"{where}.reason: missing; entry '{id}' kept but a reason is required for audits");
        }

        var expiresText = Text("expiresAt");
        DateTimeOffset? expiresAt = TryParseTime(expiresText, out var expires) ? expires : null;
        if (expiresText is not null && expiresAt is null)
        {
            warnings.Add($"{where}.expiresAt: '{expiresText}' is not an ISO 8601 UTC time");
        }

        var createdText = Text("createdAt");
        return new SuppressionEntry
        {
            Id = id,
            Reason = reason ?? string.Empty,
            ExpiresAt = expiresAt,
            Principal = Text("principal"),
            Function = Text("function"),
            Api = Text("api"),
            RuleId = Text("ruleId"),
            Account = Text("account"),
            Region = Text("region"),
            CreatedBy = Text("createdBy"),
            CreatedAt = TryParseTime(createdText, out var created) ? created : null,
        };
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LambdaGuard.Core.Tests.Formats;

/// <summary>Checks a JSON document against a vendored schema subset (Fixtures/Schemas/*.subset.json): every
/// required attribute present, types, length limits, item counts, patterns and enum values.</summary>
internal sealed class SchemaSubset
{
    private readonly Dictionary<string, JsonElement> attributes;

    private SchemaSubset(Dictionary<string, JsonElement> attributes) => this.attributes = attributes;

    public static SchemaSubset Load(string file)
    {
        var root = JsonDocument.Parse(Support.Fixtures.Text("Schemas", file)).RootElement;
        Assert.True(root.TryGetProperty("source", out _), $"{file} must cite its source");
        return new SchemaSubset(root.GetProperty("attributes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()));
    }

    public List<string> Problems(JsonElement document)
    {
        var problems = new List<string>();
        foreach (var (path, rule) in attributes)
        {
            foreach (var (where, value) in Resolve(document, path, rule))
            {
                if (value is not { } found)
                {
                    problems.Add($"{where}: required, missing");
                    continue;
                }

                problems.AddRange(Check(where, found, rule));
            }
        }

        return problems;
    }

    /// <summary>Values at the path; a missing value is reported only when required and its parent exists.</summary>
    private static IEnumerable<(string Where, JsonElement? Value)> Resolve(JsonElement root, string path, JsonElement rule)
    {
        var required = rule.TryGetProperty("required", out var r) && r.GetBoolean();
        var current = new List<(string, JsonElement)> { (string.Empty, root) };
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var each = part.EndsWith("[]", StringComparison.Ordinal);
            var name = each ? part[..^2] : part;
            var next = new List<(string, JsonElement)>();
            foreach (var (where, element) in current)
            {
                var here = where.Length == 0 ? name : $"{where}.{name}";
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var child) || child.ValueKind == JsonValueKind.Null)
                {
                    if (required && i == parts.Length - 1)
                    {
                        yield return (here, null);
                    }

                    continue;
                }

                if (each && child.ValueKind == JsonValueKind.Array)
                {
                    next.AddRange(child.EnumerateArray().Select((item, index) => ($"{here}[{index}]", item)));
                }
                else
                {
                    next.Add((here, child));
                }
            }

            current = next;
        }

        foreach (var (where, element) in current)
        {
            yield return (where, element);
        }
    }

    private static IEnumerable<string> Check(string where, JsonElement value, JsonElement rule)
    {
        var type = rule.GetProperty("type").GetString();
        var typeOk = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "timestamp_t" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var ms) && ms > 0,
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "iso8601" => value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParseExact(value.GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _),
            "ip_t" => value.ValueKind == JsonValueKind.String && IPAddress.TryParse(value.GetString(), out _),
            _ => throw new InvalidOperationException($"unknown type {type}"),
        };
        if (!typeOk)
        {
            yield return $"{where}: expected {type}, got {value.ValueKind} {value.GetRawText()}";
            yield break;
        }

        if (rule.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.GetRawText() == value.GetRawText()))
        {
            yield return $"{where}: {value.GetRawText()} is not one of {allowed.GetRawText()}";
        }

        if (rule.TryGetProperty("maxLength", out var maxLength) && value.GetString()!.Length > maxLength.GetInt32())
        {
            yield return $"{where}: longer than {maxLength.GetInt32()}";
        }

        if (rule.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(value.GetString()!, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            yield return $"{where}: '{value.GetString()}' does not match {pattern.GetString()}";
        }

        if (rule.TryGetProperty("minItems", out var minItems) && value.GetArrayLength() < minItems.GetInt32())
        {
            yield return $"{where}: fewer than {minItems.GetInt32()} items";
        }

        if (rule.TryGetProperty("maxItems", out var maxItems) && value.GetArrayLength() > maxItems.GetInt32())
        {
            yield return $"{where}: more than {maxItems.GetInt32()} items";
        }

        if (rule.TryGetProperty("maxProperties", out var maxProperties) && value.EnumerateObject().Count() > maxProperties.GetInt32())
        {
            yield return $"{where}: more than {maxProperties.GetInt32()} properties";
        }
    }
}

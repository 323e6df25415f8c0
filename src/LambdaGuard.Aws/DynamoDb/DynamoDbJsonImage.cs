using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Converts a DynamoDB-JSON item (a stream record's <c>NewImage</c>/<c>OldImage</c>/<c>Keys</c>, or
/// an export line) into the SDK's attribute map, so the same item mappers read table items and stream
/// images.</summary>
public static class DynamoDbJsonImage
{
    /// <exception cref="FormatException">The JSON is not a DynamoDB-JSON map; the message names the attribute.</exception>
    public static Dictionary<string, AttributeValue> ToAttributeMap(JsonElement image)
    {
        if (image.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"A DynamoDB image must be a JSON object, not {image.ValueKind}.");
        }

        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var property in image.EnumerateObject())
        {
            map[property.Name] = ToAttributeValue(property.Value, property.Name);
        }

        return map;
    }

    private static AttributeValue ToAttributeValue(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Attribute '{path}' must be a typed value such as {{\"S\": \"...\"}}, not {element.ValueKind}.");
        }

        using var properties = element.EnumerateObject();
        if (!properties.MoveNext())
        {
            throw new FormatException($"Attribute '{path}' has no type descriptor.");
        }

        var typed = properties.Current;
        if (properties.MoveNext())
        {
            throw new FormatException($"Attribute '{path}' has more than one type descriptor.");
        }

        var value = typed.Value;
        return typed.Name switch
        {
            "S" => new AttributeValue { S = Text(value, path) },
            "N" => new AttributeValue { N = Text(value, path) },
            "B" => new AttributeValue { B = new MemoryStream(Binary(value, path)) },
            "BOOL" => new AttributeValue { BOOL = Boolean(value, path) },
            "NULL" => new AttributeValue { NULL = Boolean(value, path) },
            "SS" => new AttributeValue { SS = Items(value, path).Select(v => Text(v, path)).ToList() },
            "NS" => new AttributeValue { NS = Items(value, path).Select(v => Text(v, path)).ToList() },
            "BS" => new AttributeValue { BS = Items(value, path).Select(v => new MemoryStream(Binary(v, path))).ToList() },
            "L" => new AttributeValue { L = Items(value, path).Select((v, i) => ToAttributeValue(v, $"{path}[{i}]")).ToList() },
            "M" => new AttributeValue
            {
                M = value.ValueKind == JsonValueKind.Object
                    ? value.EnumerateObject().ToDictionary(p => p.Name, p => ToAttributeValue(p.Value, $"{path}.{p.Name}"), StringComparer.Ordinal)
                    : throw new FormatException($"Attribute '{path}' (M) must hold a JSON object."),
            },
            _ => throw new FormatException($"Attribute '{path}' has the unknown type descriptor '{typed.Name}'."),
        };
    }

    private static string Text(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"Attribute '{path}' must hold a JSON string, not {value.ValueKind}.");

    private static bool Boolean(JsonElement value, string path) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : throw new FormatException($"Attribute '{path}' must hold true or false, not {value.ValueKind}.");

    private static byte[] Binary(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var bytes)
            ? bytes
            : throw new FormatException($"Attribute '{path}' must hold base64 text.");

    private static JsonElement.ArrayEnumerator Items(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new FormatException($"Attribute '{path}' must hold a JSON array, not {value.ValueKind}.");
}

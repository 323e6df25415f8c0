using System.Text;

namespace LambdaGuard.Testing.Http;

/// <summary>One request as <see cref="LoopbackHttpStub"/> received it. Header names are case-insensitive.</summary>
public sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body decoded as application/x-www-form-urlencoded, in order; a repeated name keeps its last value.</summary>
    public IReadOnlyDictionary<string, string> Form()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : pair[(separator + 1)..];
            fields[Decode(name)] = Decode(value);
        }

        return fields;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}

using System.Text;
using System.Text.Json;

namespace LambdaGuard.Cli;

/// <summary>The indented JSON documents the listing commands print for scripts (`--format json`).</summary>
public static class IndentedJson
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

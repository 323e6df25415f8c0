using System.Buffers;
using System.Text.Json;

namespace LambdaGuard.Function.Observability;

/// <summary>Writes single-line JSON documents (log lines, EMF metrics) straight to a byte stream — in Lambda
/// the process's raw stdout, which the runtime does not wrap (see docs/function.md). Each document is one
/// write of one line, so concurrent writers never interleave within a line.</summary>
internal sealed class TelemetryWriter(Stream output)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = false };

    private readonly object gate = new();
    private readonly ArrayBufferWriter<byte> buffer = new(4096);

    public void Write(Action<Utf8JsonWriter> document)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (gate)
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                document(writer);
            }

            buffer.Write("\n"u8);
            try
            {
                output.Write(buffer.WrittenSpan);
                output.Flush();
            }
            catch (IOException)
            {
                // Telemetry must never fail an invocation; a closed stdout has nowhere to report to anyway.
            }
        }
    }
}

using System.IO.Compression;

namespace LambdaGuard.Core.Tests.Support;

internal static class Gzip
{
    public static byte[] Compress(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}

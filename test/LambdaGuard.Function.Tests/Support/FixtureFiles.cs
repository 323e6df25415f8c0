using System.Text;

namespace LambdaGuard.Function.Tests.Support;

internal static class FixtureFiles
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));

    public static MemoryStream Stream(string name) => new(Bytes(name));
}

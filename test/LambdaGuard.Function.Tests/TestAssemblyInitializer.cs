using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LambdaGuard.Testing;

namespace LambdaGuard.Function.Tests;

internal static class TestAssemblyInitializer
{
    // Runs before any test touches the SDK's credential chain, whichever test runs first.
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Test assembly setup.")]
    internal static void Initialize() => AwsTestEnvironment.Apply();
}

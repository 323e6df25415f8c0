using BenchmarkDotNet.Running;
using LambdaGuard.Benchmarks;

if (args is ["floor", var archive])
{
    return ScanFloor.Run(archive);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

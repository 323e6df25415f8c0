using System.Diagnostics;
using LambdaGuard.Function;

// Cold-start harness: the time from process start to the first handled event, the part of a Lambda cold
// start our code controls (the managed runtime's own bootstrap comes on top). The event is a pipeline
// deploy, which the detector decides without any network call.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: LambdaGuard.ColdStart EVENT_FILE");
    return 2;
}

var started = Process.GetCurrentProcess().StartTime.ToUniversalTime();
SetDefault("LAMBDAGUARD_SUPPRESSIONS_TABLE", "LambdaGuard-Suppressions");
SetDefault("LAMBDAGUARD_CLAIMS_TABLE", "LambdaGuard-AlertClaims");
SetDefault("LAMBDAGUARD_TOPIC_ARN", "arn:aws:sns:us-east-1:123456789012:LambdaGuard-Alerts");
SetDefault("LAMBDAGUARD_TIMEOUT_SECONDS", "30");
SetDefault("AWS_REGION", "us-east-1");

var handler = new FunctionHandler();
await using var input = File.OpenRead(args[0]);
await using var output = await handler.Handle(input).ConfigureAwait(false);
var elapsed = DateTime.UtcNow - started;
Console.Error.WriteLine($"first event handled {elapsed.TotalMilliseconds:0} ms after process start");
return 0;

static void SetDefault(string name, string value)
{
    if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
    {
        Environment.SetEnvironmentVariable(name, value);
    }
}

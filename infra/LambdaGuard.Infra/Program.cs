using Amazon.CDK;
using LambdaGuard.Infra;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Detector;

try
{
    var app = new App();
    LambdaGuardApp.Compose(app, FunctionSource.Locate());
    app.Synth();
    return 0;
}
catch (InfraSettingsException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

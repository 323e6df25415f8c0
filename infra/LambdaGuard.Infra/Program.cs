using Amazon.CDK;
using LambdaGuard.Infra;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Detector;
using LambdaGuard.Infra.Organization;

try
{
    var app = new App();
    if (ManagementAccountApp.IsRequested(app))
    {
        ManagementAccountApp.Compose(app);
    }
    else
    {
        LambdaGuardApp.Compose(app, FunctionSource.Locate());
    }

    app.Synth();
    return 0;
}
catch (InfraSettingsException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

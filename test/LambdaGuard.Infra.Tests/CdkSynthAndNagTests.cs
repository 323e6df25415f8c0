using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json.Nodes;
using LambdaGuard.Infra.Tests.Support;

namespace LambdaGuard.Infra.Tests;

[Trait("Category", "Integration")]
[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class CdkSynthAndNagTests(CliSynthesisFixture cli, CustomizedDeploymentFixture customized)
    : IClassFixture<CliSynthesisFixture>
{
    [Fact]
    public void CdkSynth_FromTheRepositoryRoot_ShouldSynthesizeEveryStackOfflineWithoutCredentials()
    {
        Assert.True(cli.Result.ExitCode == 0, cli.Result.ToString());

        Assert.Equal(
            ["LambdaGuard-Global.template.json", "LambdaGuard-eu-west-1.template.json", "LambdaGuard-us-east-1.template.json"],
            cli.TemplateFiles.Select(Path.GetFileName));
    }

    [Fact]
    public void CdkSynth_WithBundling_ShouldPackageTheReadyToRunFunction()
    {
        Assert.True(cli.Result.ExitCode == 0, cli.Result.ToString());
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.OutputDirectory, "LambdaGuard-us-east-1.template.json")))!;
        var function = template["Resources"]!.AsObject().Single(r => (string?)r.Value!["Type"] == "AWS::Lambda::Function").Value!;
        var assetPath = (string)function["Metadata"]!["aws:asset:path"]!;
        var asset = Path.Combine(cli.OutputDirectory, assetPath);

        var dll = Path.Combine(asset, "LambdaGuard.Function.dll");
        Assert.True(File.Exists(dll), $"no LambdaGuard.Function.dll in {asset}: {string.Join(", ", Directory.EnumerateFiles(asset).Select(Path.GetFileName))}");
        Assert.True(File.Exists(Path.Combine(asset, "LambdaGuard.Function.runtimeconfig.json")));

        // ReadyToRun images carry a managed native header and a Linux-flavoured machine type. Assemblies with no
        // methods yet (a project still being written) have nothing to precompile and are skipped.
        var compiled = Directory.EnumerateFiles(asset, "LambdaGuard.*.dll").Select(ReadyToRunInfo).Where(i => i.HasMethods).ToList();
        Assert.NotEmpty(compiled);
        Assert.All(compiled, i => Assert.True(i.ReadyToRunForLinuxArm64, $"{i.Name} is not ReadyToRun for linux-arm64"));
    }

    private static (string Name, bool HasMethods, bool ReadyToRunForLinuxArm64) ReadyToRunInfo(string path)
    {
        // The PE machine of a ReadyToRun image is the target's machine XOR an OS value (Linux: 0x7B79).
        const ushort LinuxArm64ReadyToRun = (ushort)Machine.Arm64 ^ 0x7B79;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var methods = pe.GetMetadataReader().MethodDefinitions.Count;
        var readyToRun = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0 &&
            (ushort)pe.PEHeaders.CoffHeader.Machine == LinuxArm64ReadyToRun;
        return (Path.GetFileName(path), methods > 0, readyToRun);
    }

    [Fact]
    public void CdkNag_OverTheCliTemplates_ShouldReportNoUnacknowledgedFinding()
    {
        Assert.True(cli.Result.ExitCode == 0, cli.Result.ToString());

        var nag = NodeTool.CheckNag(cli.TemplateFiles);

        Assert.True(nag.ExitCode == 0, nag.ToString());
        Assert.Contains("cdk-nag: clean (AwsSolutions)", nag.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CdkNag_OverEveryOptionalResource_ShouldReportNoUnacknowledgedFinding()
    {
        var nag = NodeTool.CheckNag(customized.Deployment.TemplateFiles);

        Assert.True(nag.ExitCode == 0, nag.ToString());
    }

    [Fact]
    public void CdkNag_WithoutAcknowledgements_ShouldFailAndNameTheFindings()
    {
        var empty = Path.Combine(cli.OutputDirectory, "no-acknowledgements.json");
        File.WriteAllText(empty, """{"acknowledgements": []}""");

        var nag = NodeTool.CheckNag(customized.Deployment.TemplateFiles, empty);

        Assert.Equal(1, nag.ExitCode);
        Assert.Contains("UNACKNOWLEDGED AwsSolutions-SQS3", nag.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CdkNag_WhenAnAcknowledgementHasNoReason_ShouldRefuseToRun()
    {
        var lazy = Path.Combine(cli.OutputDirectory, "lazy-acknowledgements.json");
        File.WriteAllText(lazy, """{"acknowledgements": [{"rule": "AwsSolutions-SQS3", "resource": "*", "reason": "ok"}]}""");

        var nag = NodeTool.CheckNag(customized.Deployment.TemplateFiles, lazy);

        Assert.Equal(2, nag.ExitCode);
        Assert.Contains("needs a real reason", nag.Output, StringComparison.Ordinal);
    }
}

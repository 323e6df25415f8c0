using System.Text.Json.Nodes;
using Amazon.CDK;

namespace LambdaGuard.Infra.Organization;

/// <summary>
/// The member template as the StackSet's TemplateBody: a spoke stack synthesized in an app of its own (no
/// construct-path metadata, no CDK analytics resource) and minified. CloudFormation accepts at most 51,200
/// bytes inline.
/// </summary>
public static class MemberTemplate
{
    public const int MaxTemplateBodyBytes = 51_200;

    public static string Synthesize()
    {
        var outdir = Directory.CreateTempSubdirectory("lambdaguard-member-template-").FullName;
        try
        {
            var app = new App(new AppProps
            {
                Outdir = outdir,
                AnalyticsReporting = false,
                Context = new Dictionary<string, object> { ["aws:cdk:enable-path-metadata"] = false },
            });
            var stack = new LambdaGuardSpokeStack(app, "LambdaGuardMember", new LambdaGuardSpokeStackProps
            {
                Description = "LambdaGuard member: forwards Lambda API calls and an hourly heartbeat to the central LambdaGuard bus",
            });
            var assembly = app.Synth();
            var text = File.ReadAllText(assembly.GetStackArtifact(stack.ArtifactId).TemplateFullPath);
            var body = JsonNode.Parse(text)!.ToJsonString();
            if (System.Text.Encoding.UTF8.GetByteCount(body) > MaxTemplateBodyBytes)
            {
                throw new InvalidOperationException(
                    $"the member template is {body.Length} bytes; a StackSet TemplateBody holds at most {MaxTemplateBodyBytes}");
            }

            return body;
        }
        finally
        {
            Directory.Delete(outdir, recursive: true);
        }
    }
}

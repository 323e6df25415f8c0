using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using LambdaGuard.Infra;
using LambdaGuard.Infra.Detector;
using LambdaGuard.Testing;

namespace LambdaGuard.Infra.Tests.Support;

/// <summary>
/// One synthesized LambdaGuard app (cdk.json's feature flags plus the given context), without bundling, so
/// assertions do not publish the function. Synthesis costs seconds, so fixtures build this once per test run.
/// </summary>
public sealed class SynthesizedDeployment
{
    private readonly Dictionary<string, Template> templates = [];
    private readonly Dictionary<string, JsonObject> documents = [];

    public SynthesizedDeployment(IReadOnlyDictionary<string, object> context)
    {
        var merged = CdkJsonContext();
        foreach (var (key, value) in context)
        {
            merged[key] = value;
        }

        // An empty list tells CDK to bundle no stack; the asset then points at the project folder unbuilt.
        merged["aws:cdk:bundling-stacks"] = Array.Empty<string>();

        // The CLI turns on construct paths in template metadata; the nag checker matches acknowledgements on them.
        merged["aws:cdk:enable-path-metadata"] = true;

        OutputDirectory = Directory.CreateTempSubdirectory("lambdaguard-infra-tests-").FullName;
        App = new App(new AppProps { Context = merged, Outdir = OutputDirectory });
        Stacks = LambdaGuardApp.Compose(App, FunctionSource.Locate());
        App.Synth();
    }

    public App App { get; }

    public LambdaGuardStacks Stacks { get; }

    public string OutputDirectory { get; }

    public IReadOnlyList<Stack> AllStacks =>
        Stacks.IamWatch is null ? [Stacks.Global, .. Stacks.Regional] : [Stacks.Global, .. Stacks.Regional, Stacks.IamWatch];

    public IEnumerable<string> TemplateFiles =>
        Directory.EnumerateFiles(OutputDirectory, "*.template.json").Order(StringComparer.Ordinal);

    public Template Template(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (!templates.TryGetValue(stack.StackName, out var template))
        {
            template = Amazon.CDK.Assertions.Template.FromStack(stack);
            templates[stack.StackName] = template;
        }

        return template;
    }

    public JsonObject Json(Stack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        if (!documents.TryGetValue(stack.StackName, out var document))
        {
            var file = Path.Combine(OutputDirectory, stack.StackName + ".template.json");
            document = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            documents[stack.StackName] = document;
        }

        return document;
    }

    private static Dictionary<string, object> CdkJsonContext()
    {
        using var cdkJson = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRepo("cdk.json")));
        var context = new Dictionary<string, object>();
        if (cdkJson.RootElement.TryGetProperty("context", out var section))
        {
            foreach (var property in section.EnumerateObject())
            {
                context[property.Name] = ToPlain(property.Value);
            }
        }

        return context;
    }

    private static object ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToArray(),
        _ => throw new InvalidOperationException($"cdk.json context value {element} is not supported by the tests"),
    };
}

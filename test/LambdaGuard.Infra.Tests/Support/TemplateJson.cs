using System.Text.Json.Nodes;
using Amazon.CDK;
using Constructs;

namespace LambdaGuard.Infra.Tests.Support;

/// <summary>Plain JSON views of a synthesized template, for checks that walk every resource or statement.</summary>
public static class TemplateJson
{
    public static IReadOnlyList<(string LogicalId, JsonObject Resource)> Resources(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => (r.Key, r.Value!.AsObject()))
            .ToList();

    public static JsonObject Resource(JsonObject template, string logicalId) =>
        template["Resources"]![logicalId]?.AsObject()
            ?? throw new InvalidOperationException($"no resource {logicalId} in the template");

    public static JsonObject Properties(JsonObject template, string logicalId) =>
        Resource(template, logicalId)["Properties"]!.AsObject();

    public static string LogicalId(IConstruct construct)
    {
        ArgumentNullException.ThrowIfNull(construct);
        var element = construct as CfnElement ?? (CfnElement)construct.Node.DefaultChild!;
        return Stack.Of(construct).GetLogicalId(element);
    }

    public static IReadOnlyList<JsonObject> Statements(JsonObject policyResource)
    {
        ArgumentNullException.ThrowIfNull(policyResource);
        var document = policyResource["Properties"]!["PolicyDocument"]!;
        return document["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();
    }

    public static JsonObject StatementWithSid(JsonObject policyResource, string sid) =>
        Statements(policyResource).SingleOrDefault(s => (string?)s["Sid"] == sid)
            ?? throw new InvalidOperationException($"no statement {sid} in {policyResource.ToJsonString()}");

    public static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => array.Select(n => n!.ToString()).ToList(),
        _ => [node.ToString()],
    };

    public static JsonNode Ref(string logicalId) => new JsonObject { ["Ref"] = logicalId };

    public static JsonNode GetAtt(string logicalId, string attribute) =>
        new JsonObject { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    public static bool SameJson(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right);

    // Every Ref/GetAtt/Join becomes a value at deploy time; tests that measure a resolved document put one in.
    public static JsonNode ReplaceIntrinsics(JsonNode node, string value)
    {
        switch (node)
        {
            case JsonObject obj when obj.Any(p => p.Key is "Ref" or "Fn::GetAtt" or "Fn::Join"):
                return JsonValue.Create(value);
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = ReplaceIntrinsics(obj[key]!.DeepClone(), value);
                }

                return obj;
            case JsonArray array:
                return new JsonArray([.. array.Select(n => ReplaceIntrinsics(n!.DeepClone(), value))]);
            default:
                return node;
        }
    }
}

using System.Text.Json;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Cli.Replay;

/// <summary>The detector settings the stack deployed, from SSM <c>/lambdaguard/detector-settings</c>
/// (docs/interfaces.md, "Deployment contract"): replay judges a redriven event as the function would have.</summary>
public static class DeployedDetectorSettings
{
    public const string ParameterName = "/lambdaguard/detector-settings";

    /// <exception cref="DeployedSettingsException">The parameter is missing or not the contract's JSON, or a glob in it can never match.</exception>
    public static async Task<DetectorSettings> ReadAsync(IAmazonSimpleSystemsManagement ssm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ssm);
        GetParameterResponse response;
        try
        {
            response = await ssm.GetParameterAsync(new GetParameterRequest { Name = ParameterName }, cancellationToken).ConfigureAwait(false);
        }
        catch (ParameterNotFoundException)
        {
            throw new DeployedSettingsException(
                $"SSM parameter {ParameterName} not found in this account and region: deploy the LambdaGuard stack here, pass --region, or pass --no-deployed-settings to judge with the command-line options only");
        }

        return Parse(response.Parameter?.Value ?? string.Empty);
    }

    /// <exception cref="DeployedSettingsException">Not the contract's JSON, or a glob that can never match.</exception>
    public static DetectorSettings Parse(string json)
    {
        DetectorSettings settings;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DeployedSettingsException($"SSM parameter {ParameterName} is not a JSON object");
            }

            settings = new DetectorSettings
            {
                OwnFunctionGlob = Text(root, "ownFunction") ?? DetectorSettings.DefaultOwnFunctionGlob,
                HumanRoleGlobs = Strings(root, "humanRoles"),
                TrustedAccountGlobs = Strings(root, "trustedAccounts"),
                TrustedOrganizationId = Text(root, "trustedOrganizationId"),
            };
        }
        catch (JsonException ex)
        {
            throw new DeployedSettingsException($"SSM parameter {ParameterName} is not JSON: {ex.Message}");
        }

        var names = new DetectorSettingNames(
            $"{ParameterName} ownFunction", $"{ParameterName} humanRoles", $"{ParameterName} trustedAccounts", $"{ParameterName} trustedOrganizationId");
        var problems = DetectorSettingsValidator.Problems(settings, names);
        return problems.Count == 0 ? settings : throw new DeployedSettingsException(string.Join(" ", problems));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string[] Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];
}

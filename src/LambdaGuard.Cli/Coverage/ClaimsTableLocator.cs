using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using LambdaGuard.Cli.Aws;

namespace LambdaGuard.Cli.Coverage;

/// <summary>The signals live in the alert-claims table: <c>--table</c>, else the name the stack wrote to SSM.</summary>
public static class ClaimsTableLocator
{
    public const string ParameterName = "/lambdaguard/claims-table";

    public static async Task<string> ResolveAsync(string? table, AwsClientFactory factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (table is not null)
        {
            return string.IsNullOrWhiteSpace(table)
                ? throw new AwsSetupException("--table: empty table name; give the claims table name or leave --table out to read it from SSM")
                : table;
        }

        using var ssm = factory.CreateSsm();
        try
        {
            var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = ParameterName }, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(response.Parameter?.Value)
                ? throw new AwsSetupException($"--table: SSM parameter {ParameterName} is empty in {factory.Region ?? "this region"}; pass --table")
                : response.Parameter.Value;
        }
        catch (ParameterNotFoundException e)
        {
            throw new AwsSetupException(
                $"--table: SSM parameter {ParameterName} does not exist in {factory.Region ?? "this region"}; pick the home region of the LambdaGuard hub with --region, or pass --table",
                e);
        }
    }
}

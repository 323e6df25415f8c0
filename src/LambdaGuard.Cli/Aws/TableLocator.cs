using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace LambdaGuard.Cli.Aws;

/// <summary>A table is <c>--table</c>, else the name the stack wrote to an SSM parameter, so admins never
/// guess it.</summary>
/// <param name="ParameterName">The SSM parameter the stack writes the table name to.</param>
/// <param name="TableDescription">What the table is, for the empty <c>--table</c> error.</param>
/// <param name="MissingParameterHint">What to do when the parameter does not exist in the region.</param>
public sealed record TableLocator(string ParameterName, string TableDescription, string MissingParameterHint)
{
    public static readonly TableLocator Suppressions = new(
        "/lambdaguard/suppressions-table",
        "the table name",
        "deploy the LambdaGuard stack there, pick its region with --region, or pass --table");

    public static readonly TableLocator Claims = new(
        "/lambdaguard/claims-table",
        "the claims table name",
        "pick the home region of the LambdaGuard hub with --region, or pass --table");

    public async Task<string> ResolveAsync(string? table, AwsClientFactory factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (table is not null)
        {
            return string.IsNullOrWhiteSpace(table)
                ? throw new AwsSetupException($"--table: empty table name; give {TableDescription} or leave --table out to read it from SSM")
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
            throw new AwsSetupException($"--table: SSM parameter {ParameterName} does not exist in {factory.Region ?? "this region"}; {MissingParameterHint}", e);
        }
    }
}

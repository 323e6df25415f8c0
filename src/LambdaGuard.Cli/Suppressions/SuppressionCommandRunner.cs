using System.CommandLine;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Core.Ports;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>Sets up the AWS side of a subcommand and turns every AWS failure into one clear line and an
/// exit code, so no stack trace reaches an admin.</summary>
/// <param name="storeOverride">Tests hand in an in-memory store; otherwise the DynamoDB table is opened.</param>
public sealed class SuppressionCommandRunner(
    CliIo io, SuppressionCommonOptions common, Func<AwsClientFactory, ICallerIdentity> identityFactory, Func<ISuppressionStore>? storeOverride = null)
{
    public async Task<int> RunAsync(
        string verb, ParseResult parse, Func<SuppressionAdminContext, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(action);
        AwsConnectionOptions connection;
        try
        {
            connection = common.ReadConnection(parse);
        }
        catch (AwsSetupException e)
        {
            io.Error.WriteLine($"lambdaguard suppressions {verb}: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }

        AwsClientFactory? factory = null;
        IAmazonDynamoDB? dynamoDb = null;
        ICallerIdentity? identity = null;
        string? table = null;
        AwsClientFactory Factory() => factory ??= AwsClientFactory.Create(connection);

        var context = new SuppressionAdminContext(
            io,
            verb,
            common.ReadJson(parse),
            async ct =>
            {
                if (storeOverride is not null)
                {
                    return storeOverride();
                }

                table = await TableLocator.Suppressions.ResolveAsync(parse.GetValue(common.Table), Factory(), ct).ConfigureAwait(false);
                dynamoDb = Factory().CreateDynamoDb();
                return (ISuppressionStore)new DynamoDbSuppressionStore(dynamoDb, table);
            },
            () => identity = identityFactory(Factory()));
        try
        {
            return await action(context, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsSetupException e)
        {
            context.Error(e.Message);
            return ExitCodes.UsageOrInputError;
        }
        catch (ResourceNotFoundException e)
        {
            context.Error($"table {table ?? "(unknown)"} not found in {factory?.Region ?? "this region"} ({e.Message}); check --table and --region");
            return ExitCodes.AwsError;
        }
        catch (AmazonServiceException e) when (e.StatusCode is System.Net.HttpStatusCode.Forbidden || e.ErrorCode is "AccessDeniedException" or "UnrecognizedClientException" or "ExpiredTokenException")
        {
            context.Error($"AWS refused the call ({e.ErrorCode}): {e.Message}; check the credentials of {(connection.Profile is { } p ? $"profile '{p}'" : "the default chain")} and the admin policy");
            return ExitCodes.AwsError;
        }
        catch (AmazonServiceException e)
        {
            context.Error($"AWS call failed ({e.ErrorCode ?? e.StatusCode.ToString()}): {e.Message}");
            return ExitCodes.AwsError;
        }
        catch (AmazonClientException e)
        {
            // No credentials, an expired SSO token, an unreachable endpoint.
            context.Error($"cannot call AWS: {e.Message}{(connection.Profile is { } p ? $" (for an SSO profile run 'aws sso login --profile {p}')" : string.Empty)}");
            return ExitCodes.AwsError;
        }
        catch (HttpRequestException e)
        {
            context.Error($"cannot reach AWS: {e.Message}");
            return ExitCodes.AwsError;
        }
        catch (InvalidDataException e)
        {
            context.Error(e.Message);
            return ExitCodes.Refused;
        }
        finally
        {
            dynamoDb?.Dispose();
            (identity as IDisposable)?.Dispose();
        }
    }
}

using LambdaGuard.Cli.Commands;
using LambdaGuard.Cli.Suppressions;
using LambdaGuard.Testing.Emulators;
using LambdaGuard.Testing.Http;

namespace LambdaGuard.Cli.Tests.Suppressions;

/// <summary>The real AWS wiring: the table name from SSM and createdBy from STS, answered by loopback stubs.</summary>
[Collection(SuppressionsDynaliteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SuppressionsAwsSetupTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private const string StsArn = "arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Admin_abc/alice@example.com";
    private SuppressionCli cli = null!;

    public async Task InitializeAsync() => cli = await SuppressionCli.StartAsync(dynalite);

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task List_WhenNoTableOption_ShouldUseTheTableNamedInTheSsmParameter()
    {
        // Arrange
        await cli.SeedAsync("table-entries.json");
        await using var ssm = LoopbackHttpStub.Start();
        ssm.Enqueue(new StubResponse(200, $$$"""{"Parameter":{"Name":"/lambdaguard/suppressions-table","Type":"String","Value":"{{{cli.Table}}}","Version":1}}""", "application/x-amz-json-1.1"));

        // Act
        var run = await cli.RunRawAsync(["list", "--endpoint-url", dynalite.ServiceUrl.ToString(), "--ssm-endpoint-url", ssm.BaseUrl.ToString()]);

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("alice-production", run.Out, StringComparison.Ordinal);
        var request = Assert.Single(ssm.Requests);
        Assert.Equal("AmazonSSM.GetParameter", request.Header("X-Amz-Target"));
        Assert.Contains("/lambdaguard/suppressions-table", request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WhenSsmParameterMissing_ShouldSayWhatToDo()
    {
        // Arrange
        await using var ssm = LoopbackHttpStub.Start();
        ssm.Enqueue(new StubResponse(400, """{"__type":"ParameterNotFound","message":"not found"}""", "application/x-amz-json-1.1"));

        // Act
        var run = await cli.RunRawAsync(["list", "--endpoint-url", dynalite.ServiceUrl.ToString(), "--ssm-endpoint-url", ssm.BaseUrl.ToString()]);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("SSM parameter /lambdaguard/suppressions-table does not exist", run.Error, StringComparison.Ordinal);
        Assert.Contains("pass --table", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WhenCallerComesFromSts_ShouldRecordTheGetCallerIdentityArnAsCreatedBy()
    {
        // Arrange
        await using var sts = LoopbackHttpStub.Start();
        sts.Enqueue(StubResponse.Xml(200, $"""
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult><Arn>{StsArn}</Arn><UserId>AROAEXAMPLE:alice@example.com</UserId><Account>123456789012</Account></GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """));

        // Act
        var run = await cli.RunRawAsync(
            ["add", "--id", "from-sts", "--reason", "r", "--expires-at", "7d", "--function", "orders-*",
             "--table", cli.Table, "--endpoint-url", dynalite.ServiceUrl.ToString(), "--sts-endpoint-url", sts.BaseUrl.ToString()],
            command: SuppressionsCommand.Create);

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(StsArn, Assert.Single(await cli.EntriesAsync()).CreatedBy);
        Assert.Contains("GetCallerIdentity", Assert.Single(sts.Requests).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WhenStsRefuses_ShouldReportTheAwsErrorAndWriteNothing()
    {
        // Arrange
        await using var sts = LoopbackHttpStub.Start();
        sts.Fallback = _ => StubResponse.Xml(403, """<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error><RequestId>r</RequestId></ErrorResponse>""");

        // Act
        var run = await cli.RunRawAsync(
            ["add", "--id", "no-sts", "--reason", "r", "--expires-at", "7d", "--function", "orders-*",
             "--table", cli.Table, "--endpoint-url", dynalite.ServiceUrl.ToString(), "--sts-endpoint-url", sts.BaseUrl.ToString()],
            command: SuppressionsCommand.Create);

        // Assert
        Assert.Equal(ExitCodes.AwsError, run.ExitCode);
        Assert.Contains("ExpiredToken", run.Error, StringComparison.Ordinal);
        Assert.Empty(await cli.EntriesAsync());
    }

    [Fact]
    public async Task List_WhenEndpointUrlIsNotAUrl_ShouldNameTheOption()
    {
        // Act
        var run = await cli.RunRawAsync(["list", "--table", cli.Table, "--endpoint-url", "localhost-8000"]);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--endpoint-url: 'localhost-8000' is not an absolute http(s) URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WhenDynamoDbEndpointIsGiven_ShouldReachTheTableThereInsteadOfTheCommonEndpoint()
    {
        // Arrange: nothing listens at --endpoint-url, so only the per-service option can reach the table.
        await cli.SeedAsync("table-entries.json");

        // Act
        var run = await cli.RunRawAsync(
            ["list", "--table", cli.Table, "--endpoint-url", ClosedLoopbackPort.Url().ToString(), "--dynamodb-endpoint-url", dynalite.ServiceUrl.ToString()]);

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("alice-production", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WhenDynamoDbEndpointIsNotAUrl_ShouldBeAUsageErrorNamingTheOption()
    {
        // Act
        var run = await cli.RunRawAsync(["list", "--table", cli.Table, "--dynamodb-endpoint-url", "localhost:8000"]);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--dynamodb-endpoint-url: 'localhost:8000' is not an absolute http(s) URL", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WhenProfileDoesNotExist_ShouldSayWhichProfileIsMissing()
    {
        // Act
        var run = await cli.RunRawAsync(["list", "--table", cli.Table, "--profile", "lambdaguard-no-such-profile"]);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("no profile named 'lambdaguard-no-such-profile'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WhenTableDoesNotExist_ShouldSayWhichTableAndExitWithAwsError()
    {
        // Act
        var run = await cli.RunRawAsync(["list", "--table", "LambdaGuard-Missing", "--endpoint-url", dynalite.ServiceUrl.ToString()]);

        // Assert
        Assert.Equal(ExitCodes.AwsError, run.ExitCode);
        Assert.Contains("table LambdaGuard-Missing not found", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WhenRunAgainstTheTable_ShouldStoreTheEntryThatListAndTheDetectorRead()
    {
        // Act: the whole admin path through DynamoDB (the admin logic itself is tested on the in-memory store).
        var add = await cli.RunAsync(
            "add", "--id", "deploy", "--reason", "CHG-1: pipeline ships orders-api", "--expires-at", "14d",
            "--principal", "arn:aws:iam::123456789012:role/DeployRole", "--function", "orders-api", "--rule-id", "LG001");
        var list = await cli.RunAsync("list");

        // Assert
        Assert.Equal(ExitCodes.Success, add.ExitCode);
        Assert.Contains("principal=arn:aws:iam::123456789012:role/DeployRole function=orders-api ruleId=LG001", list.Out, StringComparison.Ordinal);
        var entry = Assert.Single(await cli.EntriesAsync());
        Assert.Equal(SuppressionCli.Now.AddDays(14), entry.ExpiresAt);
        Assert.Equal(1, entry.Version);
        Assert.True(LambdaGuard.Core.Suppressions.SuppressionValidator.ValidateForUse(entry).IsValid);
    }
}

using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.Destinations;
using Amazon.CDK.AWS.Logs;
using Constructs;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace LambdaGuard.Infra.Detector;

/// <summary>
/// The detector: dotnet10 on arm64, packaged by a local ReadyToRun publish, invoked through the <c>live</c>
/// alias (never <c>$LATEST</c>) so async retries and the failure destination apply to what EventBridge calls.
/// Its role carries only the customer-managed policies written here: CDK's automatic grants are switched off
/// (<see cref="Role.WithoutPolicyUpdates"/>) so every permission is visible in this file and its siblings.
/// </summary>
public sealed class DetectorFunction : Construct
{
    // 2.160 has no Runtime.DOTNET_10; the managed runtime exists and supports SnapStart.
    public static readonly Runtime Dotnet10 = new("dotnet10", RuntimeFamily.DOTNET_CORE, new LambdaRuntimeProps
    {
        SupportsSnapStart = true,
    });

    public DetectorFunction(Construct scope, string id, DetectorFunctionProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);

        LogGroup = new LogGroup(this, "LogGroup", new LogGroupProps
        {
            LogGroupName = ResourceNames.DetectorLogGroup,
            // Kept after stack deletion: the detector's decisions are evidence an investigation may need.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        // Any CloudWatch retention period is accepted (validated by InfraSettingsReader); the L2 enum only
        // offers named constants.
        ((CfnLogGroup)LogGroup.Node.DefaultChild!).RetentionInDays = props.LogRetentionDays;

        var region = Stack.Of(this).Region;
        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = ResourceNames.DetectorRole(region),
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = "LambdaGuard detector execution role (customer policies only)",
        });

        ExecutionPolicy = new ManagedPolicy(this, "ExecutionPolicy", new ManagedPolicyProps
        {
            ManagedPolicyName = ResourceNames.DetectorPolicy(region, "Execution"),
            Description = "LambdaGuard detector: suppressions, alert claims, alert topic, own logs, failure queue",
            Roles = [Role],
            Statements = ExecutionStatements(props),
        });

        var code = Code.FromAsset(props.Source.ProjectDirectory, new Amazon.CDK.AWS.S3.Assets.AssetOptions
        {
            // The output hash follows the published bits (Core and Aws included), not just this project's folder.
            AssetHashType = AssetHashType.OUTPUT,
            Bundling = new BundlingOptions
            {
                Image = Dotnet10.BundlingImage,
                Local = new DotnetPublishBundling(props.Source.ProjectFile, props.Source.ArtifactsPath),
                OutputType = BundlingOutput.NOT_ARCHIVED,
            },
        });

        Function = new LambdaFunction(this, "Function", new FunctionProps
        {
            FunctionName = ResourceNames.DetectorFunction,
            Description = "LambdaGuard: alerts on risky AWS Lambda changes from CloudTrail",
            Runtime = Dotnet10,
            Architecture = Architecture.ARM_64,
            Handler = ResourceNames.HandlerString,
            Code = code,
            MemorySize = props.MemorySize,
            Timeout = Duration.Seconds(props.TimeoutSeconds),
            Role = Role.WithoutPolicyUpdates(),
            LoggingFormat = LoggingFormat.JSON,
            LogGroup = LogGroup,
            ReservedConcurrentExecutions = props.ReservedConcurrency,
            SnapStart = props.SnapStart ? SnapStartConf.ON_PUBLISHED_VERSIONS : null,
            Environment = EnvironmentVariables(props),
        });

        // Lambda checks the role can reach the logs and queue when the function and its destination are created.
        Function.Node.AddDependency(ExecutionPolicy);

        if (props.SnapStart)
        {
            Annotations.Of(Function).AcknowledgeWarning(
                "@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Every deployment publishes a version (CurrentVersion) and the live alias points at it.");
        }

        Alias = new Alias(this, "LiveAlias", new AliasProps
        {
            AliasName = ResourceNames.DetectorAlias,
            Version = Function.CurrentVersion,
            Description = "What EventBridge and the audit stream invoke",
        });

        AsyncInvokeConfig = new EventInvokeConfig(this, "AsyncInvokeConfig", new EventInvokeConfigProps
        {
            Function = Function,
            Qualifier = ResourceNames.DetectorAlias,
            RetryAttempts = props.AsyncRetryAttempts,
            MaxEventAge = Duration.Hours(props.AsyncMaxEventAgeHours),
            OnFailure = new SqsDestination(props.OnFailureQueue),
        });
        AsyncInvokeConfig.Node.AddDependency(Alias);
        AsyncInvokeConfig.Node.AddDependency(ExecutionPolicy);
    }

    public LambdaFunction Function { get; }

    public Alias Alias { get; }

    public Role Role { get; }

    public ManagedPolicy ExecutionPolicy { get; }

    public LogGroup LogGroup { get; }

    public EventInvokeConfig AsyncInvokeConfig { get; }

    public static string LogGroupArn =>
        $"arn:{Aws.PARTITION}:logs:{Aws.REGION}:{Aws.ACCOUNT_ID}:log-group:{ResourceNames.DetectorLogGroup}:*";

    public static string SecurityHubProductArn =>
        $"arn:{Aws.PARTITION}:securityhub:{Aws.REGION}:{Aws.ACCOUNT_ID}:product/{Aws.ACCOUNT_ID}/default";

    private static PolicyStatement[] ExecutionStatements(DetectorFunctionProps props)
    {
        var statements = new List<PolicyStatement>
        {
            Statement("ReadSuppressions", ["dynamodb:Query"], props.SuppressionsTable.TableArn),
            Statement(
                "ClaimAlerts",
                ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
                props.ClaimsTable.TableArn),
            Statement("PublishAlerts", ["sns:Publish"], props.AlertTopic.TopicArn),
            Statement("PublishAlertJson", ["sns:Publish"], props.AlertJsonTopic.TopicArn),
            // Lambda names the log streams at run time; the grant stays inside the detector's own log group.
            Statement("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents"], LogGroupArn),
            Statement("SendAsyncFailures", ["sqs:SendMessage"], props.OnFailureQueue.QueueArn),
        };

        if (props.AlertTopicKey is not null)
        {
            statements.Add(Statement(
                "EncryptAlerts",
                ["kms:Decrypt", "kms:GenerateDataKey"],
                props.AlertTopicKey.KeyArn));
        }

        if (props.SecurityHub)
        {
            // The account's default product ARN is the only one BatchImportFindings accepts for own findings.
            statements.Add(Statement(
                "ImportSecurityHubFindings",
                ["securityhub:BatchImportFindings"],
                SecurityHubProductArn));
        }

        return [.. statements];
    }

    private static Dictionary<string, string> EnvironmentVariables(DetectorFunctionProps props)
    {
        var variables = new Dictionary<string, string>
        {
            ["LAMBDAGUARD_SUPPRESSIONS_TABLE"] = props.SuppressionsTable.TableName,
            ["LAMBDAGUARD_CLAIMS_TABLE"] = props.ClaimsTable.TableName,
            ["LAMBDAGUARD_TOPIC_ARN"] = props.AlertTopic.TopicArn,
            ["LAMBDAGUARD_ALERT_JSON_TOPIC_ARN"] = props.AlertJsonTopic.TopicArn,
            ["LAMBDAGUARD_OWN_FUNCTION"] = props.OwnFunction,
            ["LAMBDAGUARD_SUPPRESSION_CACHE_SECONDS"] =
                props.SuppressionCacheSeconds.ToString(CultureInfo.InvariantCulture),
            ["LAMBDAGUARD_TIMEOUT_SECONDS"] = props.TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        };

        // Empty lists are left out rather than set to "": the function's defaults (none trusted, no human roles)
        // are the same, and an absent variable is unambiguous.
        if (props.HumanRoles.Count > 0)
        {
            variables["LAMBDAGUARD_HUMAN_ROLES"] = string.Join(',', props.HumanRoles);
        }

        if (props.TrustedAccounts.Count > 0)
        {
            variables["LAMBDAGUARD_TRUSTED_ACCOUNTS"] = string.Join(',', props.TrustedAccounts);
        }

        if (props.SecurityHub)
        {
            variables["LAMBDAGUARD_SECURITY_HUB"] = "true";
        }

        if (props.TrustedOrgId is not null)
        {
            variables["LAMBDAGUARD_TRUSTED_ORG_ID"] = props.TrustedOrgId;
        }

        return variables;
    }

    private static PolicyStatement Statement(string sid, string[] actions, string resource) =>
        new(new PolicyStatementProps
        {
            Sid = sid,
            Effect = Effect.ALLOW,
            Actions = actions,
            Resources = [resource],
        });
}

using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace LambdaGuard.Infra.Alerting;

/// <summary>
/// An optional customer-managed key for SNS topics. The AWS-managed SNS key cannot be used: its policy cannot be
/// edited, so CloudWatch alarms and EventBridge (the tamper rules) could not publish to the topic. The alert
/// topics and the operations topic get one key each, so disabling one key cannot silence both alerts and alarms.
/// </summary>
public sealed class TopicEncryptionKey : Construct
{
    private static readonly string[] PublishKeyActions = ["kms:Decrypt", "kms:GenerateDataKey"];

    public TopicEncryptionKey(Construct scope, string id, TopicEncryptionKeyProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Key = new Key(this, "Key", new KeyProps
        {
            Description = props.Description,
            EnableKeyRotation = true,
            Alias = props.Alias,
            // The key only protects messages in flight through SNS; nothing retained depends on it.
            RemovalPolicy = RemovalPolicy.DESTROY,
            PendingWindow = Duration.Days(7),
        });

        foreach (var service in new[] { "cloudwatch.amazonaws.com", "events.amazonaws.com" })
        {
            Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = $"AllowPublishFrom{service.Split('.')[0]}",
                Principals = [new ServicePrincipal(service)],
                Actions = PublishKeyActions,
                Resources = ["*"],
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
                },
            }));
        }
    }

    public Key Key { get; }

    public void AllowPublisher(IRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowPublishFromDetector",
            Principals = [new ArnPrincipal(role.RoleArn)],
            Actions = PublishKeyActions,
            Resources = ["*"],
        }));
    }
}

using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace LambdaGuard.Infra.Alerting;

/// <summary>
/// An SNS topic with a TLS-only policy. A topic policy replaces SNS's default one, so CloudWatch alarms get an
/// explicit grant (scoped to this account's alarms); other publishers (the tamper rule) add their own.
/// </summary>
public sealed class AlertTopic : Construct
{
    public AlertTopic(Construct scope, string id, AlertTopicProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Topic = new Topic(this, "Topic", new TopicProps
        {
            TopicName = props.TopicName,
            DisplayName = props.DisplayName,
            MasterKey = props.EncryptionKey,
        });

        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DenyPublishWithoutTls",
            Effect = Effect.DENY,
            Principals = [new AnyPrincipal()],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
            },
        }));

        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowCloudWatchAlarms",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
                ["ArnLike"] = new Dictionary<string, object>
                {
                    ["aws:SourceArn"] = $"arn:{Aws.PARTITION}:cloudwatch:{Aws.REGION}:{Aws.ACCOUNT_ID}:alarm:*",
                },
            },
        }));

        if (props.EmailSubscription is not null)
        {
            Topic.AddSubscription(new EmailSubscription(props.EmailSubscription));
        }
    }

    public Topic Topic { get; }

    // A grant in the topic's own policy as well as the role's: detaching one policy must not stop alerts.
    public void AllowPublisher(string sid, IRole role)
    {
        ArgumentNullException.ThrowIfNull(role);
        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = sid,
            Principals = [new ArnPrincipal(role.RoleArn)],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
        }));
    }

    public void AllowEventBridgeRules(string sid, object[] ruleArns)
    {
        Topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = sid,
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [Topic.TopicArn],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = ruleArns },
            },
        }));
    }
}

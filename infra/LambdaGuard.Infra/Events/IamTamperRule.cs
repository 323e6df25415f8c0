using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Constructs;
using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;

namespace LambdaGuard.Infra.Events;

/// <summary>
/// Detaching or rewriting the detector's policies silences it, and IAM calls reach EventBridge only in us-east-1
/// (IAM is a global service). This rule therefore lives in us-east-1 and watches the detector role and policies
/// of every LambdaGuard region by name, straight to an alert topic in its own region (a rule's SNS target must
/// be in the rule's region), with no Lambda in between.
/// </summary>
public sealed class IamTamperRule : Construct
{
    public const string Region = "us-east-1";

    public static readonly string[] RoleEvents =
    [
        "AttachRolePolicy", "DetachRolePolicy", "PutRolePolicy", "DeleteRolePolicy", "UpdateAssumeRolePolicy",
        "PutRolePermissionsBoundary", "DeleteRolePermissionsBoundary", "DeleteRole",
    ];

    public static readonly string[] PolicyEvents =
        ["CreatePolicyVersion", "DeletePolicyVersion", "SetDefaultPolicyVersion", "DeletePolicy"];

    public IamTamperRule(Construct scope, string id, IamTamperRuleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var policyPrefix = $"arn:{Aws.PARTITION}:iam::{Aws.ACCOUNT_ID}:policy/{ResourceNames.DetectorIamPrefix}";
        List<string> sources = ["aws.iam"];
        List<Dictionary<string, object>> branches =
        [
            TamperRules.Branch(
                "iam.amazonaws.com",
                RoleEvents,
                "roleName",
                [.. props.Regions.Select(r => (object)ResourceNames.DetectorRole(r))]),
            TamperRules.Branch("iam.amazonaws.com", PolicyEvents, "policyArn", [TamperRules.Prefix(policyPrefix)]),
        ];

        // Where no regional stack's tamper rules cover us-east-1, the rule also watches itself and its topic.
        if (props.WatchItself)
        {
            var topicArn = props.AlertTopic.Topic.TopicArn;
            sources.AddRange(["aws.events", "aws.sns"]);
            branches.AddRange(
            [
                .. TamperRules.RuleChangeBranches([TamperRules.IamRuleName]),
                TamperRules.Branch(
                    "sns.amazonaws.com",
                    ["DeleteTopic", "SetTopicAttributes", "AddPermission", "RemovePermission", "Subscribe"],
                    "topicArn",
                    [topicArn]),
                TamperRules.Branch(
                    "sns.amazonaws.com",
                    ["Unsubscribe", "SetSubscriptionAttributes"],
                    "subscriptionArn",
                    [TamperRules.Prefix(topicArn + ":")]),
            ]);
        }

        Rule = new CfnRule(this, "Rule", new CfnRuleProps
        {
            Name = TamperRules.IamRuleName,
            Description = "LambdaGuard tamper alarm (IAM): the detector's role and policies, straight to the alert topic",
            State = "ENABLED",
            EventPattern = TamperRules.Pattern([.. sources], [.. branches]),
            Targets = new object[] { TamperRules.TopicTarget(props.AlertTopic.Topic.TopicArn, props.DeadLetterQueue.QueueArn) },
        });

        props.AlertTopic.AllowEventBridgeRules("AllowIamTamperRule", [Rule.AttrArn]);
        TamperRules.AllowDeadLetters(props.DeadLetterQueue, "AllowIamTamperRuleDeadLetters", Rule.AttrArn);
    }

    public CfnRule Rule { get; }
}

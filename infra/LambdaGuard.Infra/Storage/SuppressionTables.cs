using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace LambdaGuard.Infra.Storage;

/// <summary>
/// The suppression list (streamed, so every edit is audited by LG011) and the alert-claims table that makes
/// publishing effectively-once. Both hold state a security team must not lose: on-demand, point-in-time
/// recovery, deletion protection, and retained when the stack is deleted.
/// </summary>
public sealed class SuppressionTables : Construct
{
    public SuppressionTables(Construct scope, string id, SuppressionTablesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Suppressions = new Table(this, "Suppressions", new TableProps
        {
            TableName = props.SuppressionsTableName,
            PartitionKey = new Attribute { Name = "pk", Type = AttributeType.STRING },
            SortKey = new Attribute { Name = "id", Type = AttributeType.STRING },
            Stream = StreamViewType.NEW_AND_OLD_IMAGES,
            TimeToLiveAttribute = "ttl",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            DeletionProtection = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        Claims = new Table(this, "AlertClaims", new TableProps
        {
            TableName = props.ClaimsTableName,
            PartitionKey = new Attribute { Name = "alertId", Type = AttributeType.STRING },
            TimeToLiveAttribute = "ttl",
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = true,
            DeletionProtection = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }

    public Table Suppressions { get; }

    public Table Claims { get; }

    public IReadOnlyList<Table> All => [Suppressions, Claims];
}

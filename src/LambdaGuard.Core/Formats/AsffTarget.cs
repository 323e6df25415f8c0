namespace LambdaGuard.Core.Formats;

/// <summary>Where ASFF findings are imported: BatchImportFindings with the default product ARN accepts only
/// findings whose <c>AwsAccountId</c> is the calling account, in the endpoint's region.</summary>
public sealed record AsffTarget(string Partition, string Region, string CallingAccount)
{
    public string ProductArn => $"arn:{Partition}:securityhub:{Region}:{CallingAccount}:product/{CallingAccount}/default";
}

using LambdaGuard.Aws.Signing;

namespace LambdaGuard.Aws.Sns;

/// <summary>The parts of <c>arn:PARTITION:sns:REGION:ACCOUNT:NAME</c> the publisher needs: the region signs the
/// request and, without an endpoint override, picks the regional endpoint.</summary>
internal sealed record SnsTopicArn(string Arn, string Partition, string Region, string Account, string Name)
{
    public static SnsTopicArn Parse(string arn)
    {
        var parts = string.IsNullOrWhiteSpace(arn) ? [] : arn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sns"
            || parts[1].Length == 0 || parts[3].Length == 0 || parts[4].Length == 0 || parts[5].Length == 0)
        {
            throw new ArgumentException(
                $"Topic ARN '{arn}' is not an SNS topic ARN (expected arn:PARTITION:sns:REGION:ACCOUNT:NAME).",
                nameof(arn));
        }

        return new SnsTopicArn(arn, parts[1], parts[3], parts[4], parts[5]);
    }

    public Uri DefaultEndpoint() => AwsHttp.Endpoint("sns", Region);
}

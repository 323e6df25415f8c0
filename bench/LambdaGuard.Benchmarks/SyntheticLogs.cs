using System.Text;

namespace LambdaGuard.Benchmarks;

/// <summary>In-memory CloudTrail content shaped like bench/generate-archive.py output: mostly other
/// services, one record in a hundred from Lambda.</summary>
public static class SyntheticLogs
{
    public const string HumanCodeUpdate = """
        {"eventVersion":"1.09","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012","accessKeyId":"AKIAEXAMPLE","userName":"alice"},"eventTime":"2026-11-20T09:01:10Z","eventSource":"lambda.amazonaws.com","eventName":"UpdateFunctionCode20150331v2","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.50","userAgent":"aws-cli/2.17.0","requestParameters":{"functionName":"orders-api","publish":true},"responseElements":{"functionName":"orders-api","codeSha256":"J7nY5m8dZ3kE0Qm1Yb8Q8v0o2uJrM1mJ4bq2o0l8c2k="},"requestID":"r-1","eventID":"e-1","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"123456789012","eventCategory":"Management"}
        """;

    public const string PipelineCodeUpdate = """
        {"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:gha","arn":"arn:aws:sts::123456789012:assumed-role/GitHubActionsDeployRole/gha","accountId":"123456789012","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::123456789012:role/GitHubActionsDeployRole","accountId":"123456789012","userName":"GitHubActionsDeployRole"},"attributes":{"creationDate":"2026-11-20T08:00:00Z","mfaAuthenticated":"false"}}},"eventTime":"2026-11-20T09:04:00Z","eventSource":"lambda.amazonaws.com","eventName":"UpdateFunctionCode20150331v2","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","userAgent":"aws-sdk-js/3.600.0","requestParameters":{"functionName":"orders-api"},"responseElements":null,"requestID":"r-2","eventID":"e-2","readOnly":false,"eventType":"AwsApiCall","managementEvent":true,"recipientAccountId":"123456789012","eventCategory":"Management"}
        """;

    private const string Noise = """
        {"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLE:i-0abc","arn":"arn:aws:sts::123456789012:assumed-role/app-role/i-0abc","accountId":"123456789012","accessKeyId":"ASIAEXAMPLE","sessionContext":{"sessionIssuer":{"type":"Role","principalId":"AROAEXAMPLE","arn":"arn:aws:iam::123456789012:role/app-role","accountId":"123456789012","userName":"app-role"},"attributes":{"creationDate":"2026-11-20T08:00:00Z","mfaAuthenticated":"false"}}},"eventTime":"2026-11-20T09:00:01Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","awsRegion":"us-east-1","sourceIPAddress":"10.0.3.7","userAgent":"aws-sdk-java/2.25.0 Linux/5.10","requestParameters":{"bucketName":"data","key":"data/123456789.parquet","Host":"data.s3.amazonaws.com"},"responseElements":null,"additionalEventData":{"SignatureVersion":"SigV4","bytesTransferredIn":0},"requestID":"0123456789abcdef","eventID":"0123456789abcdef0123456789abcdef","readOnly":true,"eventType":"AwsApiCall","managementEvent":false,"recipientAccountId":"123456789012","eventCategory":"Data","tlsDetails":{"tlsVersion":"TLSv1.3","cipherSuite":"TLS_AES_128_GCM_SHA256","clientProvidedHostHeader":"s3.us-east-1.amazonaws.com"}}
        """;

    public static byte[] LogFile(int records)
    {
        var builder = new StringBuilder("{\"Records\":[");
        for (var i = 0; i < records; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(i % 100 == 50 ? (i % 300 == 50 ? HumanCodeUpdate : PipelineCodeUpdate) : Noise);
        }

        return Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
    }
}

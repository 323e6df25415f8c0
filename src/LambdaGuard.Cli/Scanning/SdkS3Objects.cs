using Amazon.S3;
using Amazon.S3.Model;

namespace LambdaGuard.Cli.Scanning;

public sealed class SdkS3Objects(IAmazonS3 s3) : IS3Objects
{
    public async Task<S3ListPage> ListAsync(string bucket, string prefix, string? delimiter, string? continuationToken, CancellationToken cancellationToken)
    {
        var response = await s3.ListObjectsV2Async(
            new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, Delimiter = delimiter, ContinuationToken = continuationToken },
            cancellationToken).ConfigureAwait(false);
        return new S3ListPage(
            response.S3Objects?.Select(o => o.Key).ToList() ?? [],
            response.CommonPrefixes ?? [],
            response.IsTruncated == true ? response.NextContinuationToken : null);
    }

    public async Task<Stream> OpenAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
        return response.ResponseStream;
    }
}

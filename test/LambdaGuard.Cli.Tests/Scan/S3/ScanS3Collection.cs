using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Cli.Tests.Scan.S3;

[CollectionDefinition(Name)]
public sealed class ScanS3Collection : ICollectionFixture<FauxqsFixture>
{
    public const string Name = "scan-s3";
}

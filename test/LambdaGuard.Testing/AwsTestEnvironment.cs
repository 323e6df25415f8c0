namespace LambdaGuard.Testing;

/// <summary>Makes the AWS SDK in a test process safe and offline: fake static credentials (the first link of
/// the default chain, so no profile, container or instance-metadata lookup happens), no IMDS, a fixed
/// default region. Call it from a module initializer of every test assembly that touches AWS code.</summary>
public static class AwsTestEnvironment
{
    public const string AccessKeyId = "AKIDLAMBDAGUARDTEST";
    public const string SecretAccessKey = "lambdaguard-test-secret";
    public const string Region = "us-east-1";

    private static readonly object Gate = new();
    private static bool applied;

    public static void Apply()
    {
        lock (Gate)
        {
            if (applied)
            {
                return;
            }

            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", AccessKeyId);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SecretAccessKey);
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
            Environment.SetEnvironmentVariable("AWS_PROFILE", null);
            Environment.SetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_FULL_URI", null);
            Environment.SetEnvironmentVariable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", null);
            Environment.SetEnvironmentVariable("AWS_REGION", Region);
            Environment.SetEnvironmentVariable("AWS_DEFAULT_REGION", Region);
            applied = true;
        }
    }
}

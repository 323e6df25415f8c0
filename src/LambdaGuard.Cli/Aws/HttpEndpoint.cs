namespace LambdaGuard.Cli.Aws;

/// <summary>The one rule for endpoint options (emulators, VPC endpoints): an absolute http or https URL.</summary>
public static class HttpEndpoint
{
    public static bool TryParse(string text, out Uri url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url!) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
}

namespace LambdaGuard.Cli.Scanning;

/// <summary>Short names for people's output; jsonl keeps the whole ARN.</summary>
public static class ActorNames
{
    /// <summary>The resource part of an ARN without its path (<c>user/alice</c>, <c>role/Admin</c>,
    /// <c>root</c>); anything else as it is.</summary>
    public static string? Short(string? principal)
    {
        if (principal is null || !principal.StartsWith("arn:", StringComparison.Ordinal))
        {
            return principal;
        }

        var parts = principal.Split(':', 6);
        if (parts.Length != 6)
        {
            return principal;
        }

        var resource = parts[5].Split('/');
        return resource.Length > 2 ? $"{resource[0]}/{resource[^1]}" : parts[5];
    }

    /// <summary>The account and resource part, for the wide table.</summary>
    public static string? AccountAndResource(string? principal)
    {
        if (principal is null || !principal.StartsWith("arn:", StringComparison.Ordinal))
        {
            return principal;
        }

        var parts = principal.Split(':', 6);
        return parts.Length == 6 ? $"{parts[4]}:{parts[5]}" : principal;
    }
}

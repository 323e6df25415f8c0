namespace LambdaGuard.Core.Detection;

public static class ConsoleLinks
{
    /// <summary>The CloudTrail console's event page; ids and regions are URL-escaped so a hostile value
    /// cannot turn the link into another one.</summary>
    public static string? ForEvent(string? region, string? eventId) =>
        string.IsNullOrEmpty(region) || string.IsNullOrEmpty(eventId) || !IsRegionName(region)
            ? null
            : $"https://{region}.console.aws.amazon.com/cloudtrailv2/home?region={region}#/events/{Uri.EscapeDataString(eventId)}";

    private static bool IsRegionName(string region) =>
        region.Length <= 32 && region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

using System.Globalization;
using LambdaGuard.Function.Settings;

namespace LambdaGuard.Function.Coverage;

/// <summary>The quiet window of the spoke-coverage check, from <see cref="FunctionSettings.CoverageQuietMinutesVariable"/>.
/// The hub stack sets it; without it the detector serves only its own region and spoke heartbeats are not expected.</summary>
internal static class CoverageWindow
{
    public const string Variable = FunctionSettings.CoverageQuietMinutesVariable;

    /// <exception cref="FunctionSettingsException">Not a whole number of minutes from 1 to 10080 (a week).</exception>
    public static TimeSpan? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) && minutes is >= 1 and <= 10080
            ? TimeSpan.FromMinutes(minutes)
            : throw new FunctionSettingsException($"{Variable}: '{value}' is not a whole number of minutes from 1 to 10080");
    }
}

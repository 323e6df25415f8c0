namespace LambdaGuard.Core.Alerts;

/// <summary>Whether the finding was checked against suppressions before it was sent.</summary>
public enum SuppressionCheck
{
    Checked,

    /// <summary>The list could not be read: the alert is sent anyway and says so.</summary>
    Unavailable,

    /// <summary>LG010/LG011 are never suppressible.</summary>
    NotApplicable,
}

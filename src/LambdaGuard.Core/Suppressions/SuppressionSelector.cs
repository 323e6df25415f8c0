using System.Text.RegularExpressions;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Suppressions;

/// <summary>One selector field of a suppression entry: everything a reader, writer, matcher, validator or
/// command-line option needs to know about it. <see cref="SuppressionSelectors.All"/> lists the six.</summary>
/// <param name="Name">The field name in files, table items, alerts and JSON output.</param>
/// <param name="CliFlag">The admin tool's option that sets it.</param>
/// <param name="Description">What the glob is matched against, for help texts.</param>
/// <param name="Get">The entry's pattern, or null when the entry does not use this selector.</param>
/// <param name="With">A copy of the entry with this selector set (null removes it).</param>
/// <param name="FindingValue">The finding's value the pattern is matched against.</param>
/// <param name="Syntax">What an admin may write (the admin tool refuses anything else).</param>
/// <param name="Example">The fix shown when <see cref="Syntax"/> refuses a value.</param>
public sealed record SuppressionSelector(
    string Name,
    string CliFlag,
    string Description,
    Func<SuppressionEntry, string?> Get,
    Func<SuppressionEntry, string?, SuppressionEntry> With,
    Func<Finding, string?> FindingValue,
    Regex Syntax,
    string Example);

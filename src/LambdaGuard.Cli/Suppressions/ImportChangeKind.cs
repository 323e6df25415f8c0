namespace LambdaGuard.Cli.Suppressions;

public enum ImportChangeKind
{
    Add,
    Change,

    /// <summary>In the table, not in the file, and --prune given.</summary>
    Remove,
    Unchanged,

    /// <summary>In the table, not in the file, no --prune: left alone.</summary>
    Kept,
}

namespace LambdaGuard.Core.Reading;

public enum ReadItemKind
{
    /// <summary>A well-formed record of <c>lambda.amazonaws.com</c>.</summary>
    LambdaRecord,

    /// <summary>A record that cannot be evaluated (not an object, broken JSON line, Lambda record without
    /// <c>userIdentity.type</c>). The file is still readable; the scan goes on.</summary>
    MalformedRecord,

    /// <summary>The file cannot be read or is not JSON (or breaks off inside a CloudTrail log).</summary>
    FileError,
}

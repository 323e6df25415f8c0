namespace LambdaGuard.Aws.SecurityHub;

/// <summary>One ASFF finding ready to send: its <c>Id</c> (to match FailedFindings) and its JSON.</summary>
public sealed record AsffImport(string Id, string Json);

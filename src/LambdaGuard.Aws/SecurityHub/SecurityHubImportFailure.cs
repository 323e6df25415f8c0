namespace LambdaGuard.Aws.SecurityHub;

public sealed record SecurityHubImportFailure(string Id, string Code, string Message);

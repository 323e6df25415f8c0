namespace LambdaGuard.Aws.SecurityHub;

/// <param name="Failed">Findings Security Hub still refused after the retries (id and why), and findings
/// that were never accepted because the batch failed as a whole.</param>
public sealed record SecurityHubImportResult(int Imported, IReadOnlyList<SecurityHubImportFailure> Failed, int Calls);

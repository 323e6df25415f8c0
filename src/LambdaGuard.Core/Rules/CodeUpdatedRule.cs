namespace LambdaGuard.Core.Rules;

public sealed class CodeUpdatedRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG001",
        "Lambda code updated by a human",
        Severity.High,
        [Mitre.PersistenceAccountManipulation, Mitre.PersistenceValidAccounts, Mitre.ExecutionServerless],
        "A person replaced a function's code outside the deployment pipeline. Attackers overwrite code to persist in an account or to read the data the function processes; engineers do it to skip CI/CD.",
        [
            Runbooks.ContactActor,
            Runbooks.CheckPipeline,
            "Compare the deployed package (code SHA-256 in responseElements) with the last pipeline build; download it with aws lambda get-function and review the diff.",
            Runbooks.CheckOtherActivity,
            Runbooks.RevokeIfUnauthorized + " Revert the code by redeploying the last pipeline build or pointing the alias back to the previous version.",
            Runbooks.SuppressIfExpected,
        ],
        ["Datadog def-000-b61", "Panther AWS.Lambda.UpdateFunctionCode", "Splunk AWS Lambda UpdateFunctionCode", "Elastic AWS Lambda Function Created or Updated", "Panther AWS.LAMBDA.CRUD"],
        RuleScope.Change);

    public RuleMatch? Evaluate(RuleContext context) =>
        context.Api == "UpdateFunctionCode"
            ? new RuleMatch(Definition, Definition.BaseSeverity, [$"UpdateFunctionCode called by {context.ChangeActor}"])
            : null;
}

namespace LambdaGuard.Core.Rules;

public sealed class FunctionCreatedRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG002",
        "Lambda function created by a human",
        Severity.Medium,
        [Mitre.ExecutionServerless, Mitre.PersistenceValidAccounts],
        "A person created a function by hand. New functions with broad roles are a common way to run code or escalate privileges in a compromised account.",
        [
            Runbooks.ContactActor,
            Runbooks.CheckPipeline,
            "Review the execution role the function was given (requestParameters.role) and what it can reach; check its triggers and resource policy.",
            Runbooks.CheckOtherActivity,
            Runbooks.RevokeIfUnauthorized + " Delete the function after preserving its code (aws lambda get-function) for the investigation.",
            Runbooks.SuppressIfExpected,
        ],
        ["Elastic AWS Lambda Function Created or Updated", "Panther AWS.LAMBDA.CRUD"],
        RuleScope.Change);

    public RuleMatch? Evaluate(RuleContext context) =>
        context.Api == "CreateFunction"
            ? new RuleMatch(Definition, Definition.BaseSeverity, [$"CreateFunction called by {context.ChangeActor}"])
            : null;
}

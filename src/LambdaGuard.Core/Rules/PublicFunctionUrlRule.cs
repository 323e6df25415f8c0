namespace LambdaGuard.Core.Rules;

public sealed class PublicFunctionUrlRule : IDetectionRule
{
    public RuleDefinition Definition { get; } = new(
        "LG005",
        "Lambda function URL opened to the public",
        Severity.Critical,
        [Mitre.InitialAccessExternalRemoteServices, Mitre.PersistenceAccountManipulation],
        "A function URL with AuthType NONE can be called by anyone on the internet without AWS credentials: a ready-made backdoor into the account's data and permissions.",
        [
            Runbooks.ContactActor,
            "Check the function's code and role: what an anonymous caller can now make it do.",
            "Unless a public endpoint is intended and reviewed, set AuthType to AWS_IAM or delete the URL (aws lambda delete-function-url-config).",
            "Since 2025-10 a public URL also needs lambda:InvokeFunction granted to * limited by lambda:InvokedViaFunctionUrl (an LG004 High finding for the same function): remove that statement too.",
            "Review the function's logs for invocations since the change.",
            Runbooks.RevokeIfUnauthorized,
        ],
        ["Panther AWS.LAMBDA.CRUD"],
        RuleScope.Exposure);

    public RuleMatch? Evaluate(RuleContext context) =>
        context.Api is "CreateFunctionUrlConfig" or "UpdateFunctionUrlConfig"
        && string.Equals(context.Target.UrlAuthType, "NONE", StringComparison.OrdinalIgnoreCase)
            ? new RuleMatch(Definition, Definition.BaseSeverity, [$"{context.Api} with AuthType NONE"])
            : null;
}

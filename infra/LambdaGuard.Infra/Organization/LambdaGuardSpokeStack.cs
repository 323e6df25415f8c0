using Amazon.CDK;
using Constructs;

namespace LambdaGuard.Infra.Organization;

/// <summary>
/// A spoke as its own stack: the StackSet's member template, a management-account region, or a non-home
/// region of a single account. Synthesized without assets and without the bootstrap-version rule, since
/// member accounts are never bootstrapped and the StackSet passes the template inline.
/// </summary>
public sealed class LambdaGuardSpokeStack : Stack
{
    public const string CentralBusArnParameter = "CentralBusArn";

    public LambdaGuardSpokeStack(Construct scope, string id, LambdaGuardSpokeStackProps props)
        : base(scope, id, WithoutBootstrap(props))
    {
        ArgumentNullException.ThrowIfNull(props);
        var busArn = props.CentralBusArn ?? new CfnParameter(this, CentralBusArnParameter, new CfnParameterProps
        {
            Type = "String",
            Description = "ARN of the central LambdaGuard event bus (arn:aws:events:HOME_REGION:ACCOUNT:event-bus/NAME)",
            AllowedPattern = "^arn:aws[a-z-]*:events:[a-z0-9-]+:[0-9]{12}:event-bus/[A-Za-z0-9._-]+$",
        }).ValueAsString;

        Forwarding = new SpokeForwarding(this, "Forwarding", new SpokeForwardingProps { CentralBusArn = busArn });
    }

    public SpokeForwarding Forwarding { get; }

    private static LambdaGuardSpokeStackProps WithoutBootstrap(LambdaGuardSpokeStackProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        props.Synthesizer ??= new BootstraplessSynthesizer(new BootstraplessSynthesizerProps());
        return props;
    }
}

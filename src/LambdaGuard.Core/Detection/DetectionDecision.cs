namespace LambdaGuard.Core.Detection;

public enum DetectionDecision
{
    /// <summary>Not from lambda.amazonaws.com: ignored, counted.</summary>
    NotLambda,

    /// <summary>Data-plane Invoke: never alerts.</summary>
    DataEvent,

    ReadOnly,

    /// <summary>errorCode/errorMessage present: counted (recon signal), no alert unless LG010.</summary>
    FailedCall,

    /// <summary>A change no rule in the actor's scopes matched (automation or AWS service): counted, not alerted.</summary>
    ActorNotAlerted,

    Finding,

    /// <summary><c>requestParameters.dryRun: true</c>: validated, nothing changed, never alerts.</summary>
    DryRun,
}

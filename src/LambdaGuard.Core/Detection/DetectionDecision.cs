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

    /// <summary>Automation or AWS service change: logged and counted, not alerted.</summary>
    ActorNotAlerted,

    Finding,
}

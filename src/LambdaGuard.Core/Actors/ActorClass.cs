namespace LambdaGuard.Core.Actors;

public enum ActorClass
{
    Root,
    Human,
    Automation,
    AwsService,

    /// <summary>CloudTrail could not tell, or a type this version does not know: alerted like Human.</summary>
    Unknown,
}

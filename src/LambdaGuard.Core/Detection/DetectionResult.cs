using LambdaGuard.Core.Actors;

namespace LambdaGuard.Core.Detection;

public sealed record DetectionResult(DetectionDecision Decision, string Api, Actor? Actor, Finding? Finding);

using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Suppressions;

public sealed record DetectedRecord(RecordLocation Location, CloudTrailRecord Record, DetectionResult Result);

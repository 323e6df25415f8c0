namespace LambdaGuard.Aws.DynamoDb;

public enum MarkPublishedOutcome
{
    /// <summary>The claim was still ours; it is now PUBLISHED with our message id.</summary>
    Recorded,

    /// <summary>Another delivery had taken over the lease (ours expired) but not yet recorded a publish; our
    /// publish is recorded so later deliveries see it. Both deliveries may publish: a duplicate alert.</summary>
    RecordedAfterTakeover,

    /// <summary>Another delivery had already recorded its publish; that record is kept. Duplicate alert.</summary>
    AlreadyRecordedByOther,
}

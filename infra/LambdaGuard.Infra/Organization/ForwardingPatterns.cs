namespace LambdaGuard.Infra.Organization;

/// <summary>
/// The event patterns of the forwarding path as plain CloudFormation values (the member template is raw
/// CloudFormation). The Lambda pattern is the detector rule's (<see cref="Events.CloudTrailRule.Pattern"/>):
/// a spoke forwards exactly what the home-region detector rule would have matched.
/// </summary>
public static class ForwardingPatterns
{
    public static Dictionary<string, object> LambdaApiCalls()
    {
        var pattern = Events.CloudTrailRule.Pattern;
        return new()
        {
            ["source"] = pattern.Source!,
            ["detail-type"] = pattern.DetailType!,
            ["detail"] = pattern.Detail!,
        };
    }

    public static Dictionary<string, object> Heartbeat() => new()
    {
        ["source"] = new[] { ForwardingNames.HeartbeatSource },
        ["detail-type"] = new[] { ForwardingNames.HeartbeatDetailType },
    };

    /// <summary>Changes to the named rules (disable, delete, retarget) and to the heartbeat schedule.</summary>
    public static Dictionary<string, object> Tamper(IEnumerable<string> ruleNames, bool includeSchedule)
    {
        var branches = new List<Dictionary<string, object>>(Events.TamperRules.RuleChangeBranches(ruleNames.Cast<object>().ToArray()));
        var sources = new List<string> { "aws.events" };
        if (includeSchedule)
        {
            sources.Add("aws.scheduler");
            branches.Add(Events.TamperRules.Branch("scheduler.amazonaws.com", ["UpdateSchedule", "DeleteSchedule"], "name", [ForwardingNames.HeartbeatSchedule]));
        }

        return Events.TamperRules.Pattern([.. sources], [.. branches]);
    }

    public static Dictionary<string, object> AnyOf(params Dictionary<string, object>[] patterns) =>
        new() { ["$or"] = patterns };
}

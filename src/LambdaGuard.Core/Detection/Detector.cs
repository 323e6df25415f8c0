using LambdaGuard.Core.Actors;
using LambdaGuard.Core.Events;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Rules;

namespace LambdaGuard.Core.Detection;

/// <summary>Turns one CloudTrail record into zero or one finding (docs/detections.md §2–§4). Pure: the same
/// record and settings always give the same result.</summary>
public sealed class Detector
{
    private readonly DetectorSettings _settings;
    private readonly ActorClassifier _classifier;
    private readonly IReadOnlyList<IDetectionRule> _rules;

    public Detector(DetectorSettings settings, IReadOnlyList<IDetectionRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _classifier = new ActorClassifier(settings);
        _rules = rules ?? RuleCatalog.EvaluationOrder;
    }

    public DetectorSettings Settings => _settings;

    public DetectionResult Detect(CloudTrailRecord record, RecordLocation? location = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var api = EventNameNormalizer.Normalize(record.EventName).Api;
        if (!string.Equals(record.EventSource, LambdaApiCatalog.EventSource, StringComparison.Ordinal))
        {
            return new DetectionResult(DetectionDecision.NotLambda, api, null, null);
        }

        if (LambdaApiCatalog.IsDataEvent(api, record.EventCategory))
        {
            return new DetectionResult(DetectionDecision.DataEvent, api, null, null);
        }

        var actor = _classifier.Classify(record);
        if (LambdaApiCatalog.IsReadOnly(api, record.ReadOnly))
        {
            return new DetectionResult(DetectionDecision.ReadOnly, api, actor, null);
        }

        if (LambdaApiCatalog.IsDryRun(record.RequestParameters))
        {
            return new DetectionResult(DetectionDecision.DryRun, api, actor, null);
        }

        var failed = !string.IsNullOrEmpty(record.ErrorCode) || !string.IsNullOrEmpty(record.ErrorMessage);
        var context = new RuleContext(record, api, actor, ChangeTargetReader.Read(record), _settings, failed);
        var scopes = RuleScopes.For(actor, failed);
        var matches = new List<RuleMatch>();
        foreach (var rule in _rules)
        {
            var scope = rule.Definition.Scope;
            if (!scopes.Contains(scope) || (scope == RuleScope.CatchAll && matches.Count > 0))
            {
                continue;
            }

            if (rule.Evaluate(context) is { } match && scopes.Contains(match.Scope))
            {
                matches.Add(match);
            }
        }

        if (matches.Count == 0)
        {
            var decision = failed ? DetectionDecision.FailedCall : DetectionDecision.ActorNotAlerted;
            return new DetectionResult(decision, api, actor, null);
        }

        return new DetectionResult(DetectionDecision.Finding, api, actor, BuildFinding(context, matches, location));
    }

    private static Finding BuildFinding(RuleContext context, List<RuleMatch> matches, RecordLocation? location)
    {
        var first = matches[0];
        var reasons = new List<string>(first.Reasons);
        var severity = first.Severity;
        var actor = context.Actor;
        if (actor.Class == ActorClass.Root && !context.Failed)
        {
            severity = Severity.Critical;
            reasons.Add("made with the account's root user");
        }

        if (actor.UntrustedCaller && !context.Failed)
        {
            severity = severity < Severity.High ? Severity.High : severity;
            reasons.Add($"caller account {actor.AccountId} is neither the function's account nor trusted: judged like a human change, at least High");
        }

        if (actor.Class == ActorClass.Automation)
        {
            reasons.Add($"actor is Automation ({actor.Type}): exposure rules apply to every caller; a pipeline that does this on purpose needs a suppression naming the rule and the function");
        }

        if (actor.Class == ActorClass.Unknown)
        {
            reasons.Add($"actor is unclassified (userIdentity.type {actor.Type}): treated like a human");
        }

        if (actor.InvokedBy is { } invokedBy)
        {
            reasons.Add($"made through {invokedBy} with the actor's credentials");
        }

        return new Finding
        {
            Rule = first.Rule,
            Severity = severity,
            Summary = Summarize(context),
            Reasons = reasons,
            AlsoMatched = matches.Skip(1).Select(m => m.Rule.Id).ToList(),
            Actor = context.Actor,
            Target = context.Target,
            Record = context.Record,
            Api = context.Api,
            Location = location,
            FailedAttempt = context.Failed,
        };
    }

    private static string Summarize(RuleContext context)
    {
        var actor = context.Actor;
        var who = TextBounds.Cut(actor.Principal ?? actor.Arn ?? "an unidentified caller", 200);
        var what = context.Target.FunctionName ?? context.Target.LayerName;
        var on = what is null ? string.Empty : $" on {TextBounds.Cut(what, 200)}";
        var verb = context.Failed ? "tried to call" : "called";
        return $"{actor.Class} {who} {verb} {TextBounds.Cut(context.Api, 100)}{on} in account {TextBounds.Cut(context.Account ?? "unknown", 40)} ({TextBounds.Cut(context.Record.AwsRegion ?? "unknown region", 40)}).";
    }
}

namespace LambdaGuard.Core.Rules;

public sealed record MitreMapping(string TacticId, string TacticName, string TechniqueId, string TechniqueName)
{
    public string TechniqueUrl => $"https://attack.mitre.org/techniques/{TechniqueId.Replace('.', '/')}/";
}

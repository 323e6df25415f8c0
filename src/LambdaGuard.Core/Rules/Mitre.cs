namespace LambdaGuard.Core.Rules;

/// <summary>The ATT&amp;CK entries the seeds use, in one place so rules cannot spell them differently.</summary>
internal static class Mitre
{
    public static readonly MitreMapping PersistenceAccountManipulation = new("TA0003", "Persistence", "T1098", "Account Manipulation");
    public static readonly MitreMapping PersistenceValidAccounts = new("TA0003", "Persistence", "T1078", "Valid Accounts");
    public static readonly MitreMapping PersistenceImplantImage = new("TA0003", "Persistence", "T1525", "Implant Internal Image");
    public static readonly MitreMapping ExecutionServerless = new("TA0002", "Execution", "T1648", "Serverless Execution");
    public static readonly MitreMapping ExecutionUserExecution = new("TA0002", "Execution", "T1204", "User Execution");
    public static readonly MitreMapping PrivilegeEscalationValidAccounts = new("TA0004", "Privilege Escalation", "T1078", "Valid Accounts");
    public static readonly MitreMapping DefenseEvasionImpairDefenses = new("TA0005", "Defense Evasion", "T1562.001", "Impair Defenses: Disable or Modify Tools");
    public static readonly MitreMapping DefenseEvasionSubvertTrust = new("TA0005", "Defense Evasion", "T1553", "Subvert Trust Controls");
    public static readonly MitreMapping ExfiltrationTransferToCloudAccount = new("TA0010", "Exfiltration", "T1537", "Transfer Data to Cloud Account");
    public static readonly MitreMapping InitialAccessExternalRemoteServices = new("TA0001", "Initial Access", "T1133", "External Remote Services");
    public static readonly MitreMapping PersistenceEventTriggeredExecution = new("TA0003", "Persistence", "T1546", "Event Triggered Execution");
    public static readonly MitreMapping InitialAccessSupplyChain = new("TA0001", "Initial Access", "T1195.002", "Supply Chain Compromise: Compromise Software Supply Chain");
    public static readonly MitreMapping ImpactServiceStop = new("TA0040", "Impact", "T1489", "Service Stop");
}

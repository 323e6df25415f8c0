namespace LambdaGuard.Infra.Organization;

public enum DeploymentMode
{
    /// <summary>No homeRegion or organizationId: one full detector per listed region (the original layout).</summary>
    PerRegion,

    /// <summary>One account, every region: the detector in the home region, forwarding rules everywhere else.</summary>
    SingleAccount,

    /// <summary>The central stack of an organization deployment (security or delegated-administrator account).</summary>
    OrganizationCentral,

    /// <summary>The forwarding stacks for the organization's management account, which StackSets never reach.</summary>
    OrganizationManagement,
}

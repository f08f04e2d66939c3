namespace Tenancy.WebConsole.Tenants.Wizard;

/// <summary>The wizard's steps, in the product page's order.</summary>
public enum WizardStep
{
    General,
    DeviceGroups,
    Domains,
    Review,
}

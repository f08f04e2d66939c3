namespace Tenancy.WebConsole.Tenants.Wizard;

/// <summary>A contact being typed in the wizard (or the tenant page's contact form).</summary>
public sealed class ContactDraft
{
    /// <summary>Stable identity for rendering and for labels' ids while contacts are added and removed.</summary>
    public string Key { get; } = Guid.NewGuid().ToString("N")[..8];

    public string Name { get; set; } = "";
    public string Role { get; set; } = "";
    public string Email { get; set; } = "";
    public string CountryCode { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Notes { get; set; } = "";
}

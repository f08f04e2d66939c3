using Tenancy.Core.Contacts;

namespace Tenancy.Core.Tenants;

/// <summary>Where a tenant came from: the console, or an import job.</summary>
public sealed record TenantOrigin(string Kind, string? ImportId)
{
    public static readonly TenantOrigin Console = new("console", null);
    public static TenantOrigin Import(string importId) => new("import", importId);
}

/// <summary>A tenant with its contacts (earliest first) and domains, as stored; <see cref="ETag"/> guards updates.</summary>
public sealed record Tenant(
    string Id,
    string Name,
    string? Notes,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<string> Domains,
    TenantOrigin Origin,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string ETag = "")
{
    /// <summary>How many device groups the tenant has; kept by the writes that assign and unassign groups.</summary>
    public int DeviceGroupCount { get; init; }

    /// <summary>The device groups assigned to the tenant, with their device counts, as read with it.</summary>
    public IReadOnlyList<DeviceGroups.DeviceGroup> Groups { get; init; } = [];

    /// <summary>The edit session of the last change, when it was a save of one (<see cref="TenantEditSession"/>).</summary>
    public TenantEditSession? EditSession { get; init; }

    public string NameKey => TenantName.Key(Name);

    public Contact? PrimaryContact => Contacts.FirstOrDefault(c => c.IsPrimary);
}

/// <summary>One row of the tenant list.</summary>
public sealed record TenantSummary(
    string Id,
    string Name,
    int ContactCount,
    int DeviceGroupCount,
    int DomainCount,
    string? PrimaryContact,
    DateTimeOffset UpdatedAt);

namespace Tenancy.Core.Contacts;

/// <summary>A person at a tenant. Ids sort by creation time, which decides who is promoted to primary.</summary>
public sealed record Contact(
    string Id,
    string Name,
    string? Role,
    string? Email,
    string? CountryCode,
    string? Phone,
    string? Notes,
    bool IsPrimary,
    DateTimeOffset CreatedAt);

/// <summary>Contact fields as a caller sends them, before validation. On a patch, null means "unchanged".</summary>
public sealed record ContactFields(
    string? Name,
    string? Role,
    string? Email,
    string? CountryCode,
    string? Phone,
    string? Notes,
    bool? IsPrimary);

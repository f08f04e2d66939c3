using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;

namespace Tenancy.Http.Contracts;

public sealed record ContactBody(
    string? Name, string? Role, string? Email, string? CountryCode, string? Phone, string? Notes, bool? IsPrimary)
{
    public ContactFields ToFields() => new(Name, Role, Email, CountryCode, Phone, Notes, IsPrimary);
}

public sealed record CreateTenantBody(
    string? Name, string? Notes, List<ContactBody>? Contacts, List<string>? DeviceGroupIds, List<string>? Domains,
    bool? ConfirmReassign)
{
    public NewTenantRequest ToRequest() => new(Name, Notes, Contacts?.Select(c => c.ToFields()).ToList(),
        DeviceGroupIds, Domains, ConfirmReassign ?? false);
}

/// <summary>A tenant patch: an absent or null field stays as it is; <c>notes: ""</c> clears the notes.</summary>
public sealed record PatchTenantBody(string? Name, string? Notes);

public sealed record ContactResponse(
    string Id, string Name, string? Role, string? Email, string? CountryCode, string? Phone, string? Notes, bool IsPrimary)
{
    public static ContactResponse From(Contact c) => new(c.Id, c.Name, c.Role, c.Email, c.CountryCode, c.Phone, c.Notes, c.IsPrimary);
}

public sealed record DeviceGroupRef(string Id, string Name, int DeviceCount);

public sealed record OriginResponse(string Kind, string? ImportId);

public sealed record TenantResponse(
    string Id, string Name, string? Notes, IReadOnlyList<ContactResponse> Contacts, IReadOnlyList<DeviceGroupRef> DeviceGroups,
    IReadOnlyList<string> Domains, OriginResponse Origin, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static TenantResponse From(Tenant t, IReadOnlyList<DeviceGroupRef> groups) => new(
        t.Id, t.Name, t.Notes, t.Contacts.Select(ContactResponse.From).ToList(), groups, t.Domains,
        new OriginResponse(t.Origin.Kind, t.Origin.ImportId), t.CreatedAt, t.UpdatedAt);
}

public sealed record TenantListItem(
    string Id, string Name, int ContactCount, int DeviceGroupCount, int DomainCount, string? PrimaryContact, DateTimeOffset UpdatedAt)
{
    public static TenantListItem From(TenantSummary s) =>
        new(s.Id, s.Name, s.ContactCount, s.DeviceGroupCount, s.DomainCount, s.PrimaryContact, s.UpdatedAt);
}

public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? ContinuationToken);

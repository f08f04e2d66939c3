namespace Tenancy.Http.Contracts;

public sealed record ContactBody(
    string? Name, string? Role, string? Email, string? CountryCode, string? Phone, string? Notes, bool? IsPrimary);

public sealed record CreateTenantBody(
    string? Name, string? Notes, List<ContactBody>? Contacts, List<string>? DeviceGroupIds, List<string>? Domains,
    bool? ConfirmReassign);

/// <summary>A tenant patch: an absent or null field stays as it is; <c>notes: ""</c> clears the notes.</summary>
public sealed record PatchTenantBody(string? Name, string? Notes);

public sealed record ContactResponse(
    string Id, string Name, string? Role, string? Email, string? CountryCode, string? Phone, string? Notes, bool IsPrimary);

public sealed record DeviceGroupRef(string Id, string Name, int DeviceCount);

public sealed record OriginResponse(string Kind, string? ImportId);

public sealed record TenantResponse(
    string Id, string Name, string? Notes, IReadOnlyList<ContactResponse> Contacts, IReadOnlyList<DeviceGroupRef> DeviceGroups,
    IReadOnlyList<string> Domains, OriginResponse Origin, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record TenantListItem(
    string Id, string Name, int ContactCount, int DeviceGroupCount, int DomainCount, string? PrimaryContact, DateTimeOffset UpdatedAt);

public sealed record ListResponse<T>(IReadOnlyList<T> Items, string? ContinuationToken);

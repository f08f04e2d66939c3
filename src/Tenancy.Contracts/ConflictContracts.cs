namespace Tenancy.Http.Contracts;

/// <summary>
/// One group that belongs to another tenant, as a <c>409</c> of an assignment or a tenant create lists it
/// in <c>conflicts</c> (API.md, device groups).
/// </summary>
public sealed record GroupConflictResponse(string GroupId, string TenantId, string TenantName);

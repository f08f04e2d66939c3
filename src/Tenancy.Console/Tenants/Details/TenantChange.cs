using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Tenants.Details;

/// <summary>What a tab reports after a change: the message to announce, and the tenant as the API now has it when known.</summary>
public sealed record TenantChange(string? Message, TenantResponse? Tenant = null, string? ETag = null);

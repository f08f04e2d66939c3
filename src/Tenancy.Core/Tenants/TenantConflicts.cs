using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Tenants;

/// <summary>The conflicts that name the tenant already holding what was asked for.</summary>
public static class TenantConflicts
{
    public static ConflictException NameTaken(string name, string tenantId, string tenantName) =>
        new(ApiMessages.TenantNameTaken.Text(tenantName), "tenant-name-taken",
            new Dictionary<string, object?> { ["tenantId"] = tenantId, ["tenantName"] = tenantName, ["name"] = name });

    public static ConflictException DomainTaken(string domain, string tenantId, string tenantName) =>
        new(ApiMessages.DomainTaken.Text(domain, tenantName), "domain-taken",
            new Dictionary<string, object?> { ["tenantId"] = tenantId, ["tenantName"] = tenantName, ["domain"] = domain });
}

using Tenancy.Core.Common;

namespace Tenancy.Core.Tenants;

/// <summary>The conflicts that name the tenant already holding what was asked for.</summary>
public static class TenantConflicts
{
    public static ConflictException NameTaken(string name, string tenantId, string tenantName) =>
        new($"A tenant named '{tenantName}' already exists.", "tenant-name-taken",
            new Dictionary<string, object?> { ["tenantId"] = tenantId, ["tenantName"] = tenantName, ["name"] = name });

    public static ConflictException DomainTaken(string domain, string tenantId, string tenantName) =>
        new($"The domain '{domain}' already belongs to tenant '{tenantName}'.", "domain-taken",
            new Dictionary<string, object?> { ["tenantId"] = tenantId, ["tenantName"] = tenantName, ["domain"] = domain });
}

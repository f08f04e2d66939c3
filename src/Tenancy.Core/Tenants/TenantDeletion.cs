using Tenancy.Core.Access;
using Tenancy.Core.Audit;

namespace Tenancy.Core.Tenants;

/// <summary>
/// Deletes a tenant, then the grants that name it (R10): the one path of every tenant deletion (the API's, an import's
/// undo). The grants go after the tenant, never before (a crash in between leaves no tenant its technicians lost), and
/// also when the tenant is gone already, so that a retried deletion finishes what a crash interrupted.
/// </summary>
public sealed class TenantDeletion(ITenantStore store, GrantCleanup grants)
{
    /// <returns>false when there was no tenant to delete (its grants, if any, are removed all the same).</returns>
    public async Task<bool> DeleteAsync(string accountId, string tenantId, Func<Tenant, AuditEntry> audit, CancellationToken cancellationToken)
    {
        var deleted = await store.DeleteAsync(accountId, tenantId, audit, cancellationToken);
        await grants.RemoveNamingAsync(accountId, tenantId, cancellationToken);
        return deleted;
    }
}

using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.DeviceGroups;

namespace Tenancy.Core.Tenants;

/// <summary>Stores tenants with their contacts and domains; every write is atomic.</summary>
public interface ITenantStore
{
    /// <summary>
    /// Writes a new tenant, with the device groups read earlier moving to it in the same transaction.
    /// Throws <see cref="ConflictException"/> when its name or a domain is taken, and
    /// <see cref="ConcurrencyException"/> when a group changed since it was read.
    /// Writing the same tenant id twice (a retried create) returns the stored tenant (and writes no second entry).
    /// Every write of this store records its <see cref="AuditEntry"/> in the transaction of its change (null: none).
    /// </summary>
    Task<Tenant> CreateAsync(string accountId, Tenant tenant, IReadOnlyList<DeviceGroup> groups, AuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>
    /// Writes new tenants (no device groups) several to a transaction where their rows fit together, and returns
    /// those it did not write: a tenant whose transaction met a conflict (a taken name or domain, or a retry that
    /// finds it already written), or whose rows another tenant of the list also claims. Create those one by one
    /// with <see cref="CreateAsync"/>, which tells a retry from a conflict.
    /// </summary>
    Task<IReadOnlyList<Tenant>> CreateTogetherAsync(string accountId, IReadOnlyList<Tenant> tenants, Func<Tenant, AuditEntry>? audit, CancellationToken cancellationToken);

    /// <summary>The tenant, or null when it does not exist (or is being deleted).</summary>
    Task<Tenant?> FindAsync(string accountId, string tenantId, CancellationToken cancellationToken);

    /// <summary>Tenants in name order, optionally only those whose name starts with a prefix (case-insensitive).</summary>
    Task<ResultPage<TenantSummary>> ListAsync(string accountId, string? namePrefix, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Summaries of the given tenants (read directly, not by scanning the list), those whose name key starts with
    /// <paramref name="namePrefix"/>, in name order, one page after <paramref name="page"/>'s token; missing ones left out.
    /// </summary>
    Task<ResultPage<TenantSummary>> ListByIdsAsync(string accountId, IReadOnlyCollection<string> tenantIds, string? namePrefix, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the difference between two states of a tenant. Throws <see cref="ConcurrencyException"/>
    /// when <paramref name="before"/> is no longer what is stored.
    /// </summary>
    Task<Tenant> UpdateAsync(string accountId, Tenant before, Tenant after, AuditEntry? audit, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a tenant and everything it owns; resumable, and a no-op when it is already gone. The entry, made from the
    /// tenant as the delete read it, goes with the write that takes the tenant out of sight (a resumed delete writes none).
    /// </summary>
    Task<bool> DeleteAsync(string accountId, string tenantId, Func<Tenant, AuditEntry>? audit, CancellationToken cancellationToken);
}

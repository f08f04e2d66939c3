using Azure.Data.Tables;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;

namespace Tenancy.Storage.Tickets;

/// <summary>
/// Routing lookups straight from the index rows that tenant writes keep in the same transaction:
/// one range query on the sender's email key, then at most one point read per domain level. No cache,
/// so a domain or contact change routes the very next ticket, on every instance.
/// </summary>
public sealed class TableTicketRoutingIndex(TenancyTables tables) : ITicketRoutingIndex
{
    public async Task<IReadOnlyList<TenantRef>> FindTenantsByContactEmailAsync(string accountId, string emailKey, CancellationToken cancellationToken)
    {
        var tenantIds = new HashSet<string>();
        await foreach (var row in tables.Tenancy.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, TenantRows.EmailTenantsPrefix(emailKey)), cancellationToken: cancellationToken))
            tenantIds.Add(row.GetString("TenantId"));

        var tenants = new List<TenantRef>();
        foreach (var id in tenantIds)
        {
            var row = await tables.Tenancy.GetEntityIfExistsAsync<TableEntity>(accountId, TenantRows.TenantKey(id), cancellationToken: cancellationToken);
            if (row.HasValue && !TenantRows.IsDeleting(row.Value!)) tenants.Add(new TenantRef(id, row.Value!.GetString("Name")));
        }
        return tenants;
    }

    public async Task<TenantRef?> FindDomainOwnerAsync(string accountId, string asciiDomain, CancellationToken cancellationToken)
    {
        var row = await tables.Tenancy.GetEntityIfExistsAsync<TableEntity>(accountId, TenantRows.DomainKey(asciiDomain), cancellationToken: cancellationToken);
        return row.HasValue ? new TenantRef(row.Value!.GetString("TenantId"), row.Value.GetString("TenantName")) : null;
    }
}

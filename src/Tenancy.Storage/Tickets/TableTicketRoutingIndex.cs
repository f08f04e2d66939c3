using Azure.Data.Tables;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;

namespace Tenancy.Storage.Tickets;

/// <summary>
/// Routing lookups straight from the index rows that tenant writes keep in the same transaction, two range queries side
/// by side: one on the sender's email key, one for every level of the sender's domain (the domain index is keyed by
/// reversed labels, so a domain's parents bound the range it lies in). No cache, so a domain or contact change routes
/// the very next ticket, on every instance.
/// </summary>
public sealed class TableTicketRoutingIndex(TenancyTables tables) : ITicketRoutingIndex
{
    public async Task<SenderIndexEntries> FindAsync(string accountId, string emailKey, IReadOnlyList<string> asciiDomains, CancellationToken cancellationToken)
    {
        var contactTenantIds = ContactTenantIdsAsync(accountId, emailKey, cancellationToken);
        var owners = await FindDomainOwnersAsync(accountId, asciiDomains, cancellationToken);
        var ids = await contactTenantIds;

        // Email rows hold the tenant id only (a rename must not rewrite one row per contact). The name of a contact's
        // tenant usually comes with its domain row, read anyway; else it is read from the tenant row, which also tells
        // whether the tenant is being deleted. (While a large tenant's delete runs, a domain row may outlive the tenant
        // row's hiding by a moment: its contact's ticket goes to it then, as a ticket from its domain does.)
        if (ids.Count == 1 && owners.Values.FirstOrDefault(o => o.Id == ids[0]) is { } owner)
            return new SenderIndexEntries([owner], owners);
        var tenants = await Task.WhenAll(ids.Select(id => TenantAsync(accountId, id, cancellationToken)));
        return new SenderIndexEntries(tenants.OfType<TenantRef>().ToList(), owners);
    }

    private async Task<List<string>> ContactTenantIdsAsync(string accountId, string emailKey, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in tables.Tenancy.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, TenantRows.EmailTenantsPrefix(emailKey)),
                           select: ["TenantId"], cancellationToken: cancellationToken))
        {
            var id = row.GetString("TenantId");
            if (!ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }

    private async Task<TenantRef?> TenantAsync(string accountId, string tenantId, CancellationToken cancellationToken)
    {
        var row = await tables.Tenancy.GetEntityIfExistsAsync<TableEntity>(accountId, TenantRows.TenantKey(tenantId), ["Name", "Deleting"], cancellationToken);
        return row.HasValue && !TenantRows.IsDeleting(row.Value!) ? new TenantRef(tenantId, row.Value!.GetString("Name")) : null;
    }

    private async Task<IReadOnlyDictionary<string, TenantRef>> FindDomainOwnersAsync(string accountId, IReadOnlyList<string> asciiDomains, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, TenantRef>(StringComparer.Ordinal);
        if (asciiDomains.Count == 0) return owners;
        var wanted = asciiDomains.ToDictionary(TenantRows.DomainKey, d => d, StringComparer.Ordinal);
        // From the shortest key to the longest: the range holds every level, and any sibling between is skipped.
        var keys = wanted.Keys.Order(StringComparer.Ordinal).ToList();
        var filter = $"PartitionKey eq '{accountId.Replace("'", "''")}' and RowKey ge '{keys[0].Replace("'", "''")}' and RowKey le '{keys[^1].Replace("'", "''")}'";
        await foreach (var row in tables.Tenancy.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (wanted.TryGetValue(row.RowKey, out var domain))
                owners[domain] = new TenantRef(row.GetString("TenantId"), row.GetString("TenantName"));
        }
        return owners;
    }
}

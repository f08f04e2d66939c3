using Azure.Data.Tables;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;

namespace Tenancy.Storage.Tickets;

/// <summary>
/// Routing lookups straight from the index rows that tenant writes keep in the same transaction:
/// one range query on the sender's email key, and one range query for every level of the sender's domain (the
/// domain index is keyed by reversed labels, so a domain's parents bound the range it lies in). No cache,
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

    public async Task<IReadOnlyDictionary<string, TenantRef>> FindDomainOwnersAsync(string accountId, IReadOnlyList<string> asciiDomains, CancellationToken cancellationToken)
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

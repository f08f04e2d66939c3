using Azure.Data.Tables;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;

namespace Tenancy.Storage.Tickets;

/// <summary>
/// Routing lookups straight from the index rows that tenant writes keep in the same transaction: the senders' email
/// keys and every level of their domains (the domain index is keyed by reversed labels, so a domain's parents bound the
/// range it lies in), read side by side, several senders a query (<see cref="RowKeyRange.Filters"/>). No cache, so a
/// domain or contact change routes the very next ticket, on every instance.
/// </summary>
public sealed class TableTicketRoutingIndex(TenancyTables tables) : ITicketRoutingIndex
{
    public async Task<SenderIndexEntries> FindAsync(string accountId, string emailKey, IReadOnlyList<string> asciiDomains, CancellationToken cancellationToken) =>
        (await FindManyAsync(accountId, [new SenderLookup(emailKey, asciiDomains)], cancellationToken))[0];

    public async Task<IReadOnlyList<SenderIndexEntries>> FindManyAsync(string accountId, IReadOnlyList<SenderLookup> senders, CancellationToken cancellationToken)
    {
        var contactRanges = senders.Select(s => s.EmailKey).Distinct(StringComparer.Ordinal)
            .ToDictionary(k => k, k => RowKeyRange.Prefix(TenantRows.EmailTenantsPrefix(k)), StringComparer.Ordinal);
        var domainKeys = senders.SelectMany(s => s.AsciiDomains).Distinct(StringComparer.Ordinal)
            .ToDictionary(TenantRows.DomainKey, d => d, StringComparer.Ordinal);
        var domainRanges = senders.Where(s => s.AsciiDomains.Count > 0).Select(s =>
        {
            // From the shortest key to the longest: the range holds every level, and any sibling between is skipped.
            var keys = s.AsciiDomains.Select(TenantRows.DomainKey).Order(StringComparer.Ordinal).ToList();
            return RowKeyRange.Between(keys[0], keys[^1]);
        });

        var contactRows = ReadAsync(accountId, contactRanges.Values, ["RowKey", "TenantId"], cancellationToken);
        var owners = new Dictionary<string, TenantRef>(StringComparer.Ordinal); // domain → owner
        foreach (var row in await ReadAsync(accountId, domainRanges, null, cancellationToken))
        {
            if (domainKeys.TryGetValue(row.RowKey, out var domain))
                owners[domain] = new TenantRef(row.GetString("TenantId"), row.GetString("TenantName"));
        }
        var emailRows = await contactRows;

        var contactIds = senders.Select(s =>
        {
            var range = contactRanges[s.EmailKey];
            return emailRows.Where(r => range.Contains(r.RowKey)).Select(r => r.GetString("TenantId")).Distinct(StringComparer.Ordinal).ToList();
        }).ToList();

        // Email rows hold the tenant id only (a rename must not rewrite one row per contact). The name of a contact's
        // tenant usually comes with a domain row, read anyway; else it is read from the tenant row, which also tells
        // whether the tenant is being deleted. (While a large tenant's delete runs, a domain row may outlive the tenant
        // row's hiding by a moment: its contact's ticket goes to it then, as a ticket from its domain does.)
        var named = owners.Values.DistinctBy(o => o.Id).ToDictionary(o => o.Id, StringComparer.Ordinal);
        var toRead = contactIds.Where(ids => ids.Count > 1 || (ids.Count == 1 && !named.ContainsKey(ids[0])))
            .SelectMany(ids => ids).Distinct(StringComparer.Ordinal).ToList();
        var read = (await Task.WhenAll(toRead.Select(id => TenantAsync(accountId, id, cancellationToken))))
            .Zip(toRead).ToDictionary(p => p.Second, p => p.First, StringComparer.Ordinal);

        return senders.Select((sender, i) =>
        {
            var ids = contactIds[i];
            IReadOnlyList<TenantRef> tenants = ids.Count == 1 && named.TryGetValue(ids[0], out var owner)
                ? [owner]
                : ids.Select(id => read[id]).OfType<TenantRef>().ToList();
            var levels = sender.AsciiDomains.Where(owners.ContainsKey).ToDictionary(d => d, d => owners[d], StringComparer.Ordinal);
            return new SenderIndexEntries(tenants, levels);
        }).ToList();
    }

    private async Task<List<TableEntity>> ReadAsync(string accountId, IEnumerable<RowKeyRange> ranges, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var pages = await Task.WhenAll(RowKeyRange.Filters(accountId, ranges).Select(async filter =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in tables.Tenancy.QueryAsync<TableEntity>(filter, select: select, cancellationToken: cancellationToken))
                rows.Add(row);
            return rows;
        }));
        return pages.SelectMany(p => p).ToList();
    }

    private async Task<TenantRef?> TenantAsync(string accountId, string tenantId, CancellationToken cancellationToken)
    {
        var row = await tables.Tenancy.GetEntityIfExistsAsync<TableEntity>(accountId, TenantRows.TenantKey(tenantId), ["Name", "Deleting"], cancellationToken);
        return row.HasValue && !TenantRows.IsDeleting(row.Value!) ? new TenantRef(tenantId, row.Value!.GetString("Name")) : null;
    }
}

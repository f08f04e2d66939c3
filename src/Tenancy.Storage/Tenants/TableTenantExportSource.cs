using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.Storage.Tables;
using static Tenancy.Storage.Tenants.TenantRows;

namespace Tenancy.Storage.Tenants;

/// <summary>
/// Every tenant of an account in one range query over the tenants' rows (<c>T|…</c>), which the SDK pages 1000 rows at a
/// time: a tenant's rows are contiguous (its row, then its contacts and group entries), so each tenant is handed on as
/// soon as the next one starts and only one page and one tenant are held.
/// </summary>
public sealed class TableTenantExportSource(TenancyTables tables, int pageSize = 1000) : ITenantExportSource
{
    public async IAsyncEnumerable<Tenant> ReadAllAsync(string accountId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        TableEntity? tenant = null;
        var contacts = new List<TableEntity>();
        await foreach (var row in tables.Tenancy.QueryAsync<TableEntity>(RowKeys.PrefixFilter(accountId, TenantPrefix), maxPerPage: pageSize,
                           cancellationToken: cancellationToken))
        {
            if (tenant is not null && row.RowKey.StartsWith(tenant.RowKey + "|", StringComparison.Ordinal))
            {
                if (IsContact(row)) contacts.Add(row);
                continue;
            }
            if (Finished(tenant, contacts) is { } done) yield return done;
            // A row that is not under the previous tenant starts the next one (tenant ids have one length).
            tenant = row;
            contacts = [];
        }
        if (Finished(tenant, contacts) is { } last) yield return last;
    }

    private static Tenant? Finished(TableEntity? tenant, List<TableEntity> contacts) =>
        tenant is null || IsDeleting(tenant) || tenant.RowKey.IndexOf('|', TenantPrefix.Length) >= 0 ? null : ReadTenant(tenant, contacts);
}

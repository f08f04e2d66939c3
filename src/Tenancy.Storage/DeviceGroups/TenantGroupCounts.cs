using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Tenants;
using Tenancy.Storage.Tenants;

namespace Tenancy.Storage.DeviceGroups;

/// <summary>
/// Builds the transaction actions that change tenants' device-group counts. Each tenant row is written
/// with the tag it was read with, so a tenant changed or deleted meanwhile fails the whole transaction.
/// </summary>
public static class TenantGroupCounts
{
    public static async Task<List<TableTransactionAction>> ActionsAsync(
        TableClient table, string accountId, IReadOnlyDictionary<string, int> deltas, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>();
        foreach (var (tenantId, delta) in deltas.Where(d => d.Value != 0))
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(accountId, TenantRows.TenantKey(tenantId), cancellationToken: cancellationToken);
            if (!response.HasValue || TenantRows.IsDeleting(response.Value!))
            {
                if (delta > 0) throw new Core.Common.NotFoundException($"Tenant '{tenantId}' was not found.");
                continue; // a group pointing at a deleted tenant: nothing to count down
            }
            var row = response.Value!;
            var count = Math.Max(0, (row.GetInt32("DeviceGroupCount") ?? 0) + delta);
            actions.Add(new(TableTransactionActionType.UpdateMerge,
                new TableEntity(accountId, row.RowKey) { ["DeviceGroupCount"] = count }, row.ETag));
            actions.Add(new(TableTransactionActionType.UpdateMerge,
                new TableEntity(accountId, TenantRows.NameKey(TenantName.Key(row.GetString("Name")))) { ["DeviceGroupCount"] = count }, ETag.All));
        }
        return actions;
    }
}

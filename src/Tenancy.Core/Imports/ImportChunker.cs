using System.Text;
using Tenancy.Core.Common;

namespace Tenancy.Core.Imports;

/// <summary>Splits the valid tenants of a template into chunk messages that each stay under the size limit.</summary>
public static class ImportChunker
{
    public static IReadOnlyList<ImportChunk> Split(string importId, string accountId, IReadOnlyList<ImportTenant> tenants, ImportOptions options)
    {
        var groups = new List<List<ImportChunkTenant>>();
        var current = new List<ImportChunkTenant>();
        var bytes = 0;
        foreach (var tenant in tenants)
        {
            var item = ToChunkTenant(importId, tenant);
            var size = Encoding.UTF8.GetByteCount(System.Text.Json.JsonSerializer.Serialize(item, ImportChunk.Json));
            if (current.Count > 0 && (bytes + size > options.MaxChunkBytes || current.Count >= options.MaxChunkTenants))
            {
                groups.Add(current);
                current = [];
                bytes = 0;
            }
            current.Add(item);
            bytes += size;
        }
        if (current.Count > 0) groups.Add(current);
        return groups.Select((g, i) => new ImportChunk(importId, accountId, i, groups.Count, g)).ToList();
    }

    /// <summary>The tenant id is derived from the import and the name, so a redelivered chunk finds its own tenant.</summary>
    public static ImportChunkTenant ToChunkTenant(string importId, ImportTenant tenant) => new(
        Ids.Derived("tnt", importId, tenant.NameKey), tenant.Rows, tenant.Request.Name ?? "", tenant.Request.Notes,
        tenant.Request.Contacts ?? [], tenant.Request.Domains ?? []);
}

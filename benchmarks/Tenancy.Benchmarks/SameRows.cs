using Azure.Data.Tables;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;
using Tenancy.Storage.Tenants;

namespace Tenancy.Benchmarks;

/// <summary>
/// The rows the service stores for a tenant (from <see cref="TenantRows"/>, whatever the layout), so that baselines
/// write and read exactly as many rows of the same size as the service does.
/// </summary>
public static class SameRows
{
    public static Tenant Tenant(string name, int contacts, IReadOnlyList<string> domains) => TenantService.Build(
        new NewTenantRequest(name, "benchmark notes",
            Enumerable.Range(0, contacts).Select(c => new ContactFields($"Contact {c}", "IT", $"c{c}@{domains.FirstOrDefault() ?? "example.org"}", "+33", "01 23 45 67 89", null, c == 0)).ToList(),
            Domains: domains),
        Ids.New("tnt"), TenantOrigin.Console, DateTimeOffset.UtcNow, new FieldErrors(), throwOnErrors: true);

    public static IReadOnlyList<TableEntity> Of(string partition, Tenant tenant) => TenantRows.For(partition, tenant).Values.ToList();
}

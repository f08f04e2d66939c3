using System.Diagnostics;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;
using Tenancy.Storage.Tables;

namespace Tenancy.Benchmarks;

/// <summary>
/// Fills the store before a benchmark measures, as a local host looks after a few imports: other accounts' tenants
/// (at least <see cref="OtherAccountRows"/> table rows) and one account of <see cref="LargeAccountTenants"/> tenants,
/// written as the store writes imported tenants (each with two contacts and a domain).
/// </summary>
public static class StoreFiller
{
    public const int OtherAccountRows = 100_000;
    public const int LargeAccountTenants = 10_000;
    private const int OtherAccounts = 4;
    private const int TenantsPerWrite = 500;

    public sealed record Filled(int OtherRows, string LargeAccountId, string LargeAccountKey, string LargeAccountTenantId, int LargeAccountRows, TimeSpan Took);

    public static async Task<Filled> FillAsync(IServiceProvider services)
    {
        var watch = Stopwatch.StartNew();
        var store = services.GetRequiredService<ITenantStore>();
        var accounts = services.GetRequiredService<AccountService>();
        var created = await accounts.CreateAsync("Large account", Plan.Msp, CancellationToken.None);
        var large = created.Account.Id;

        var fills = Enumerable.Range(0, OtherAccounts).Select(async a =>
        {
            var accountId = (await accounts.CreateAsync($"Other account {a}", Plan.Msp, CancellationToken.None)).Account.Id;
            var rows = 0;
            for (var first = 0; rows < OtherAccountRows / OtherAccounts; first += TenantsPerWrite)
            {
                await WriteAsync(store, accountId, $"o{a}", first, TenantsPerWrite);
                rows = await RowsOfAsync(services, accountId);
            }
            return rows;
        }).ToList();
        var largeIds = new List<string>();
        for (var first = 0; first < LargeAccountTenants; first += TenantsPerWrite)
            largeIds.AddRange(await WriteAsync(store, large, "large", first, TenantsPerWrite));
        var otherRows = (await Task.WhenAll(fills)).Sum();

        return new Filled(otherRows, large, created.ApiKey, largeIds[largeIds.Count / 2], await RowsOfAsync(services, large), watch.Elapsed);
    }

    private static async Task<IReadOnlyList<string>> WriteAsync(ITenantStore store, string accountId, string tag, int first, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var tenants = Enumerable.Range(first, count).Select(i => TenantService.Build(new NewTenantRequest($"Filled {tag} {i:D5}", "Filled to measure a large store.",
            [
                new ContactFields("Primary contact", "IT", $"primary@{tag}-{i}.example", "+33", "01 23 45 67 89", null, true),
                new ContactFields("Second contact", "Finance", $"second@{tag}-{i}.example", null, null, null, false),
            ], Domains: [$"{tag}-{i}.example"]), Ids.New("tnt"), TenantOrigin.Console, now, new FieldErrors(), throwOnErrors: true)).ToList();
        var left = await store.CreateTogetherAsync(accountId, tenants, null, CancellationToken.None);
        foreach (var tenant in left) await store.CreateAsync(accountId, tenant, [], null, CancellationToken.None);
        return [.. tenants.Select(t => t.Id)];
    }

    private static async Task<int> RowsOfAsync(IServiceProvider services, string accountId)
    {
        var rows = 0;
        await foreach (var _ in services.GetRequiredService<TenancyTables>().Tenancy.QueryAsync<Azure.Data.Tables.TableEntity>(
                           $"PartitionKey eq '{RowKeys.Quote(accountId)}'", select: ["RowKey"])) rows++;
        return rows;
    }
}

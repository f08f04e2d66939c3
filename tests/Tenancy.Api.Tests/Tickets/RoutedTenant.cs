using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Tickets;

/// <summary>A new account with one tenant that owns <c>domain</c>: where tickets from that domain go.</summary>
internal static class RoutedTenant
{
    public static async Task<(HttpClient Client, string AccountId, string TenantId)> CreateAsync(LocalHostFixture host, string name, string domain)
    {
        var client = await host.ClientForNewAccountAsync();
        var response = await client.PostAsync("api/tenants", Http.Json(new { name, contacts = new[] { new { name = "Ann" } }, domains = new[] { domain } }));
        return (client, await host.AccountIdAsync(client), (string)(await response.ReadObjectAsync())["id"]!);
    }
}

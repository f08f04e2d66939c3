using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.TestSupport;

namespace Tenancy.Client.Tests;

/// <summary>
/// The client generated from the served document, over a plain HttpClient (the fixture's own clients check answers
/// against the document, which would hide what the generated client alone makes of them).
/// </summary>
public static class GeneratedClients
{
    public static async Task<TenancyClient> ForNewAccountAsync(LocalHostFixture host)
    {
        var account = await host.Services.GetRequiredService<AccountService>()
            .CreateAsync("Client test account", Plan.Msp, CancellationToken.None);
        var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", account.ApiKey);
        return new TenancyClient(http);
    }

    /// <summary>The ETag an answer carries, for the next write's If-Match.</summary>
    public static string ETag(this TenancyResponse response) =>
        response.Headers.First(h => string.Equals(h.Key, "ETag", StringComparison.OrdinalIgnoreCase)).Value.Single();
}

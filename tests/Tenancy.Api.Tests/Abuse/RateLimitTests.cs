using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tenancy.Core.Accounts;
using Tenancy.Local;
using Tenancy.Local.Azurite;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Abuse;

/// <summary>One API key cannot starve the others: past its limit it gets 429 with Retry-After, others are served.</summary>
[Collection(LocalHostCollection.Name)]
public class RateLimitTests(LocalHostFixture host)
{
    [Fact]
    public async Task A_key_past_its_limit_gets_429_with_retry_after_while_another_key_is_served()
    {
        var port = AzuriteEndpoints.FreePorts().BlobPort;
        // A bucket of 3 that refills once an hour: the 4th request within the test is over the limit, however slow the machine.
        await using var limited = LocalHost.Build(host.Azurite.ConnectionString, port, b =>
        {
            b.Logging.ClearProviders();
            b.Configuration["TENANCY_RATELIMIT:TokenLimit"] = "3";
            b.Configuration["TENANCY_RATELIMIT:TokensPerPeriod"] = "1";
            b.Configuration["TENANCY_RATELIMIT:ReplenishmentPeriod"] = "01:00:00";
            b.Services.RemoveAll<IHostedService>(); // the shared host already processes the queues and blobs
        });
        await limited.StartAsync();
        var busy = await ClientAsync(port);
        var other = await ClientAsync(port);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await busy.GetAsync("api/tenants");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var problem = await last.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("urn:tenancy:problem:rate-limited", (string?)problem["type"]);
        Assert.True(last.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {last.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("api/tenants")).StatusCode);
        await limited.StopAsync();
    }

    [Fact]
    public async Task Made_up_keys_from_one_address_get_429_once_its_failures_are_used_up()
    {
        var port = AzuriteEndpoints.FreePorts().BlobPort;
        await using var limited = LocalHost.Build(host.Azurite.ConnectionString, port, b =>
        {
            b.Logging.ClearProviders();
            b.Configuration["TENANCY_RATELIMIT:FailedAuthenticationLimit"] = "3";
            b.Configuration["TENANCY_RATELIMIT:FailedAuthenticationsPerPeriod"] = "1";
            b.Configuration["TENANCY_RATELIMIT:ReplenishmentPeriod"] = "01:00:00";
            b.Services.RemoveAll<IHostedService>();
        });
        await limited.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/tenants");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeys.New()); // a new made-up key each time
            last = await client.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("urn:tenancy:problem:rate-limited", (string?)(await last.AssertProblemAsync(HttpStatusCode.TooManyRequests))["type"]);
        Assert.True(last.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {last.Headers.RetryAfter}");
        await limited.StopAsync();
    }

    [Fact]
    public async Task An_accounts_keys_share_one_limit_so_more_keys_give_no_more_rate()
    {
        var port = AzuriteEndpoints.FreePorts().BlobPort;
        await using var limited = LocalHost.Build(host.Azurite.ConnectionString, port, b =>
        {
            b.Logging.ClearProviders();
            b.Configuration["TENANCY_RATELIMIT:AccountTokenLimit"] = "4";
            b.Configuration["TENANCY_RATELIMIT:AccountTokensPerPeriod"] = "1";
            b.Configuration["TENANCY_RATELIMIT:ReplenishmentPeriod"] = "01:00:00";
            b.Services.RemoveAll<IHostedService>();
        });
        await limited.StartAsync();
        var owner = await host.ClientForNewAccountAsync();
        var keys = new List<string>();
        for (var i = 0; i < 4; i++) keys.Add((await Access.AccessApi.CreateAgentAsync(owner, "technician", $"T{i}")).Key);
        var other = await ClientAsync(port);

        var statuses = new List<HttpStatusCode>();
        foreach (var key in keys.Concat([keys[0]]))
        {
            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            statuses.Add((await client.GetAsync("api/tenants")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("api/tenants")).StatusCode);
        await limited.StopAsync();
    }

    private async Task<HttpClient> ClientAsync(int port)
    {
        var created = await host.Services.GetRequiredService<AccountService>().CreateAsync("Rate limited", Plan.Msp, CancellationToken.None);
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.ApiKey);
        return client;
    }
}

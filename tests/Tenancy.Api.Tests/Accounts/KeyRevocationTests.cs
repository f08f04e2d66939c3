using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Api.Tests.Imports;
using Tenancy.Core.Accounts;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Accounts;

/// <summary>
/// R1: authentication is kept in process for a second, yet a rotated key cannot write on the very next request.
/// The rotation runs on a second <see cref="AccountService"/>, as on another instance: the host's own cache still holds
/// the old key when it is used again.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class KeyRevocationTests(LocalHostFixture host)
{
    private async Task<(HttpClient Old, HttpClient New)> RotatedElsewhereAsync(HttpClient? old = null)
    {
        old ??= await host.ClientForNewAccountAsync();
        (await old.GetAsync("api/tenants")).EnsureSuccessStatusCode(); // the host now keeps the key
        var otherInstance = new AccountService(host.Services.GetRequiredService<IAccountStore>(), TimeProvider.System);
        var newKey = await otherInstance.RotateKeyAsync(old.DefaultRequestHeaders.Authorization!.Parameter!, CancellationToken.None);
        var rotated = host.AnonymousClient();
        rotated.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", newKey);
        return (old, rotated);
    }

    [Fact]
    public async Task A_key_rotated_on_another_instance_cannot_write_on_the_next_request_and_writes_nothing()
    {
        var (old, rotated) = await RotatedElsewhereAsync();

        var refused = await old.PostAsync("api/tenants", Http.Json(Http.Tenant("Written by a revoked key", new { name = "Ann" })));

        await refused.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains(refused.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Empty((await (await rotated.GetAsync("api/tenants")).ReadObjectAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task Once_a_write_found_the_key_revoked_its_reads_are_refused_too()
    {
        var (old, _) = await RotatedElsewhereAsync();
        await (await old.PostAsync("api/tenants", Http.Json(Http.Tenant("Acme", new { name = "Ann" })))).AssertProblemAsync(HttpStatusCode.Unauthorized);

        await (await old.GetAsync("api/tenants")).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_rotated_on_another_instance_cannot_upload_an_import()
    {
        var client = await host.ClientForNewAccountAsync();
        var file = await client.TemplateAsync();
        var (old, rotated) = await RotatedElsewhereAsync(client);

        await (await old.UploadAsync(file)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Empty((await (await rotated.GetAsync("api/tenant-imports")).ReadObjectAsync())["items"]!.AsArray());
    }

    [Fact]
    public async Task The_new_key_works_at_once()
    {
        var (_, rotated) = await RotatedElsewhereAsync();

        Assert.Equal(HttpStatusCode.Created, (await rotated.PostAsync("api/tenants", Http.Json(Http.Tenant("Acme", new { name = "Ann" })))).StatusCode);
    }
}

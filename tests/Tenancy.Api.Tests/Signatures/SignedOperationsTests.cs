using System.Net;
using System.Security.Cryptography;
using Tenancy.Api.Tests.Access;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Signatures;

/// <summary>
/// Issue 17 end to end on the local host: an agent's sensitive operation passes only with a fresh signature of an
/// approved key of its own; every other case is 403 signature-required with the reason, and changes nothing.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class SignedOperationsTests(LocalHostFixture host)
{
    private sealed record Prepared(HttpClient Owner, (string Id, string Key) Admin, ECDsa Key, string KeyId);

    private async Task<Prepared> AdminWithKeyAsync(bool approve)
    {
        var owner = await host.ClientForNewAccountAsync();
        var admin = await owner.CreateAgentAsync("administrator", "Ada");
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var registered = await host.ClientFor(admin.Key).PostAsync($"api/agents/{admin.Id}/signing-keys",
            Http.Json(new { name = "Ada's laptop", publicKey = SigningHandler.PublicJwk(key) }));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var keyId = (string)(await registered.ReadObjectAsync())["id"]!;
        if (approve) Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync($"api/signing-keys/{keyId}/approve", null)).StatusCode);
        return new Prepared(owner, admin, key, keyId);
    }

    /// <summary>Signs a request once and returns a factory of identical copies (same headers, same body): a replay.</summary>
    private async Task<Func<HttpRequestMessage>> SignedOnceAsync(Prepared p, HttpMethod method, string path, object? body = null)
    {
        var capture = new CapturingHandler();
        using var signer = new HttpClient(new SigningHandler(p.Key, p.KeyId, capture)) { BaseAddress = host.AnonymousClient().BaseAddress };
        signer.DefaultRequestHeaders.Authorization = new("Bearer", p.Admin.Key);
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = Http.Json(body);
        await signer.SendAsync(request);
        var sent = capture.Request!;
        var content = capture.Body;
        return () =>
        {
            var copy = new HttpRequestMessage(sent.Method, sent.RequestUri);
            foreach (var header in sent.Headers) copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            if (content is not null)
            {
                copy.Content = new ByteArrayContent(content);
                copy.Content.Headers.ContentType = new("application/json");
            }
            return copy;
        };
    }

    private static async Task<string> ReasonAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("urn:tenancy:problem:signature-required", (string?)problem["type"]);
        return (string)problem["detail"]!;
    }

    [Fact]
    public async Task Unsigned_or_signed_with_a_pending_key_is_refused_and_approved_passes()
    {
        var p = await AdminWithKeyAsync(approve: false);
        var group = await p.Owner.CreateGroupAsync("Servers");
        var plain = host.ClientFor(p.Admin.Key);

        // Unsigned: the answer says so, and what the agent's keys allow (here: one waiting for approval).
        var unsigned = await ReasonAsync(await plain.DeleteAsync($"api/device-groups/{group}"));
        Assert.Contains("the request is not signed", unsigned);
        Assert.Contains($"Your signing key '{p.KeyId}' is waiting for an administrator's approval.", unsigned);
        var signing = host.SigningClient(p.Admin.Key, p.Key, p.KeyId);
        Assert.Contains("waiting for an administrator's approval", await ReasonAsync(await signing.DeleteAsync($"api/device-groups/{group}")));
        Assert.Equal(HttpStatusCode.OK, (await p.Owner.GetAsync($"api/device-groups/{group}/access")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await p.Owner.PostAsync($"api/signing-keys/{p.KeyId}/approve", null)).StatusCode);
        Assert.Contains($"Sign it with your approved key '{p.KeyId}'.", await ReasonAsync(await plain.DeleteAsync($"api/device-groups/{group}")));
        Assert.Equal(HttpStatusCode.NoContent, (await signing.DeleteAsync($"api/device-groups/{group}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await p.Owner.GetAsync($"api/device-groups/{group}/access")).StatusCode);
    }

    [Fact]
    public async Task Of_concurrent_replays_of_one_signed_request_exactly_one_succeeds()
    {
        var p = await AdminWithKeyAsync(approve: true);
        var copy = await SignedOnceAsync(p, HttpMethod.Post, "api/device-groups", new { name = "Replayed" });
        var client = host.AnonymousClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(copy())));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            Assert.Contains("already used", await ReasonAsync(refused));
        var groups = await (await p.Owner.GetAsync("api/device-groups?pageSize=200")).ReadObjectAsync();
        Assert.Single(groups["items"]!.AsArray(), g => (string?)g!["name"] == "Replayed");
    }

    [Fact]
    public async Task A_request_changed_after_signing_is_refused_and_changes_nothing()
    {
        var p = await AdminWithKeyAsync(approve: true);
        var tenant = (string)(await p.Owner.CreateTenantAsync("Contoso"))["id"]!;
        var client = host.AnonymousClient();

        var otherBody = (await SignedOnceAsync(p, HttpMethod.Post, "api/device-groups", new { name = "Signed" }))();
        otherBody.Content = Http.Json(new { name = "Tampered" });
        otherBody.Content.Headers.ContentType = new("application/json");
        Assert.Contains("does not match the body", await ReasonAsync(await client.SendAsync(otherBody)));

        var otherPath = (await SignedOnceAsync(p, HttpMethod.Delete, $"api/tenants/tnt_other"))();
        otherPath.RequestUri = new Uri(otherPath.RequestUri!.AbsoluteUri.Replace("tnt_other", tenant));
        Assert.Contains("does not verify", await ReasonAsync(await client.SendAsync(otherPath)));

        var otherMethod = (await SignedOnceAsync(p, HttpMethod.Get, $"api/tenants/{tenant}"))();
        otherMethod.Method = HttpMethod.Delete;
        Assert.Contains("does not verify", await ReasonAsync(await client.SendAsync(otherMethod)));

        var otherKey = (await SignedOnceAsync(p, HttpMethod.Delete, $"api/tenants/{tenant}"))();
        var other = await p.Owner.CreateAgentAsync("administrator", "Other");
        otherKey.Headers.Authorization = new("Bearer", other.Key);
        Assert.Contains("names no signing key of yours", await ReasonAsync(await client.SendAsync(otherKey)));

        Assert.Equal(HttpStatusCode.OK, (await p.Owner.GetAsync($"api/tenants/{tenant}")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_at_once_and_nobody_approves_their_own_key()
    {
        var p = await AdminWithKeyAsync(approve: false);
        var signing = host.SigningClient(p.Admin.Key, p.Key, p.KeyId);
        // A pending key cannot sign its own approval; and with an approved key, an agent still cannot approve a second one of its own.
        Assert.Contains("waiting for an administrator's approval", await ReasonAsync(await signing.PostAsync($"api/signing-keys/{p.KeyId}/approve", null)));
        Assert.Equal(HttpStatusCode.OK, (await p.Owner.PostAsync($"api/signing-keys/{p.KeyId}/approve", null)).StatusCode);
        var second = await signing.PostAsync($"api/agents/{p.Admin.Id}/signing-keys",
            Http.Json(new { name = "Second device", publicKey = SigningHandler.PublicJwk(ECDsa.Create(ECCurve.NamedCurves.nistP256)) }));
        var own = await signing.PostAsync($"api/signing-keys/{(string)(await second.ReadObjectAsync())["id"]!}/approve", null);
        Assert.Contains("approves their own", (string)(await own.AssertProblemAsync(HttpStatusCode.Forbidden))["detail"]!);

        Assert.Equal(HttpStatusCode.Created, (await signing.PostAsync("api/device-groups", Http.Json(new { name = "Before" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await p.Owner.DeleteAsync($"api/signing-keys/{p.KeyId}")).StatusCode);
        Assert.Contains("was revoked", await ReasonAsync(await signing.PostAsync("api/device-groups", Http.Json(new { name = "After" }))));

        var keys = await (await p.Owner.GetAsync($"api/agents/{p.Admin.Id}/signing-keys")).ReadObjectAsync();
        var listed = keys["items"]!.AsArray().First()!;
        Assert.Equal(("revoked", "account"), ((string?)listed["status"], (string?)listed["approvedBy"]));
        Assert.NotNull(listed["lastUsedAt"]);
    }

    [Fact]
    public async Task The_account_key_needs_no_signature_and_the_audit_names_it()
    {
        var owner = await host.ClientForNewAccountAsync();

        var created = await owner.PostAsync("api/device-groups", Http.Json(new { name = "Owner's" }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (string)(await created.ReadObjectAsync())["id"]!;
        var audit = await (await owner.GetAsync($"api/audit?targetId={id}")).ReadObjectAsync();
        Assert.Equal("account", (string?)audit["items"]!.AsArray().Single()!["actor"]!["kind"]);
    }

    [Fact]
    public async Task A_technicians_key_registration_needs_its_own_key_and_its_moves_need_no_signature()
    {
        var owner = await host.ClientForNewAccountAsync();
        var tech = await owner.CreateAgentAsync("technician", "Tess");
        var admin = await owner.CreateAgentAsync("administrator", "Ada");
        var jwk = SigningHandler.PublicJwk(ECDsa.Create(ECCurve.NamedCurves.nistP256));

        var byAdmin = await host.ClientFor(admin.Key).PostAsync($"api/agents/{tech.Id}/signing-keys", Http.Json(new { name = "X", publicKey = jwk }));
        var byItself = await host.ClientFor(tech.Key).PostAsync($"api/agents/{tech.Id}/signing-keys", Http.Json(new { name = "X", publicKey = jwk }));
        var again = await host.ClientFor(tech.Key).PostAsync($"api/agents/{tech.Id}/signing-keys", Http.Json(new { name = "X", publicKey = jwk }));

        await byAdmin.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, byItself.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("pending", (string?)(await byItself.ReadObjectAsync())["status"]);
    }

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }
        public byte[]? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}

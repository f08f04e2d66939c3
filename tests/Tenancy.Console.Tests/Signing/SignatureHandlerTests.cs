using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Tenancy.Core.Signatures;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Resources;
using Tenancy.WebConsole.Session;
using Tenancy.WebConsole.Signing;

namespace Tenancy.WebConsole.Tests.Signing;

/// <summary>
/// The console's signing handler: which requests it signs (the API's own list), that the agent is asked first, and
/// that what it sends verifies with the server's check. A .NET key stands in for the browser's WebCrypto key.
/// </summary>
public sealed class SignatureHandlerTests : ConsoleTestContext
{
    private const string Slot = "http://console.test/|agt_1";
    private readonly FakeLocalKeys _local = new();
    private readonly RecordingApi _server = new();
    private readonly ConsoleSigningKey _key = new();
    private readonly SignatureConfirmation _confirmation = new();
    private readonly List<SensitiveOperation> _asked = [];
    private bool _confirm = true;

    public SignatureHandlerTests()
    {
        _confirmation.Changed += () =>
        {
            if (_confirmation.Pending is not { } operation) return;
            _asked.Add(operation);
            _confirmation.Answer(_confirm);
        };
    }

    private async Task<HttpClient> ClientAsync(CallerResponse caller, ConsoleKeyStatus status = ConsoleKeyStatus.Approved)
    {
        await Services.GetRequiredService<ConsoleSession>().SignInAsync("tny_agent", caller);
        _key.Set(status, Slot, "sk_1", "fp");
        var handler = new SignatureHandler(Services.GetRequiredService<ConsoleSession>(), _key, _local, _confirmation,
            Services.GetRequiredService<IStringLocalizer<Strings>>(), TimeProvider.System) { InnerHandler = _server };
        var client = new HttpClient(handler) { BaseAddress = new Uri("http://console.test/") };
        client.DefaultRequestHeaders.Authorization = new("Bearer", "tny_agent");
        return client;
    }

    private static readonly CallerResponse Administrator = new("agent", "agt_1", "Ada", "administrator");

    [Fact]
    public async Task An_agent_creating_a_device_group_is_asked_then_the_request_goes_out_signed_and_verifies()
    {
        var client = await ClientAsync(Administrator);

        var response = await client.PostAsJsonAsync("api/device-groups", new { name = "Lyon office" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([SensitiveOperation.CreateDeviceGroup], _asked);
        var sent = Assert.Single(_server.Received);
        var read = RequestSignature.Read(HttpMessageParts.Request("POST", sent.Uri, sent.Headers), sent.Body, DateTimeOffset.UtcNow);
        read.Verify(SigningPublicKey.FromJwk(_local.PublicJwk));
        Assert.Equal("sk_1", read.KeyId);
        Assert.Contains("\"content-digest\"", read.Base);
    }

    [Fact]
    public async Task Deleting_a_tenant_is_signed_without_a_body_digest()
    {
        var client = await ClientAsync(Administrator);

        await client.DeleteAsync("api/tenants/ten_1");

        var sent = Assert.Single(_server.Received);
        Assert.Equal([SensitiveOperation.DeleteTenant], _asked);
        RequestSignature.Read(HttpMessageParts.Request("DELETE", sent.Uri, sent.Headers), sent.Body, DateTimeOffset.UtcNow)
            .Verify(SigningPublicKey.FromJwk(_local.PublicJwk));
        Assert.DoesNotContain(sent.Headers, h => h.Key == "Content-Digest");
    }

    [Fact]
    public async Task Cancelling_the_confirmation_sends_nothing_and_says_so()
    {
        _confirm = false;
        var client = await ClientAsync(Administrator);

        var response = await client.DeleteAsync("api/tenants/ten_1");

        Assert.Empty(_server.Received);
        var problem = ApiProblem.Parse((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(SignatureHandler.CancelledType, problem.Type);
        Assert.Contains("nothing was sent", problem.Message);
    }

    [Fact]
    public async Task With_a_key_waiting_for_approval_nothing_is_sent_and_the_agent_is_told_why()
    {
        var client = await ClientAsync(Administrator, ConsoleKeyStatus.Pending);

        var response = await client.PostAsJsonAsync("api/device-groups", new { name = "Lyon office" });

        Assert.Empty(_server.Received);
        Assert.Empty(_asked);
        var problem = ApiProblem.Parse((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("Your signing key is waiting for an administrator's approval, so you cannot create a device group yet. Nothing was sent.", problem.Message);
    }

    [Fact]
    public async Task Without_an_approved_key_a_request_only_the_api_can_judge_goes_out_unsigned_for_the_api_to_decide()
    {
        var client = await ClientAsync(Administrator, ConsoleKeyStatus.Pending);

        await client.DeleteAsync("api/signing-keys/sk_2");
        await client.PatchAsJsonAsync("api/devices/dev_1", new { groupId = "dg_2" });

        Assert.Empty(_asked);
        Assert.Equal(2, _server.Received.Count);
        Assert.All(_server.Received, r => Assert.DoesNotContain(r.Headers, h => h.Key == "Signature"));
    }

    [Fact]
    public async Task With_an_approved_key_a_device_move_and_a_key_revocation_are_asked_and_signed()
    {
        var client = await ClientAsync(Administrator);

        await client.DeleteAsync("api/signing-keys/sk_2");
        await client.PatchAsJsonAsync("api/devices/dev_1", new { groupId = "dg_2" });

        Assert.Equal([SensitiveOperation.RevokeSigningKey, SensitiveOperation.MoveDevice], _asked);
        Assert.All(_server.Received, r => Assert.Contains(r.Headers, h => h.Key == "Signature"));
    }

    [Fact]
    public async Task Requests_that_are_not_sensitive_go_out_unsigned_without_a_question()
    {
        var client = await ClientAsync(Administrator);

        await client.PostAsJsonAsync("api/devices", new { name = "PC-1" });
        await client.PostAsJsonAsync("api/tenants/ten_1/device-groups/assign", new { groupIds = new[] { "dg_1" } });
        await client.GetAsync("api/device-groups");

        Assert.Empty(_asked);
        Assert.Equal(3, _server.Received.Count);
        Assert.All(_server.Received, r => Assert.DoesNotContain(r.Headers, h => h.Key == "Signature"));
    }

    [Fact]
    public async Task A_move_confirmed_on_reassign_is_sensitive_like_the_api_says()
    {
        var client = await ClientAsync(Administrator);

        await client.PostAsJsonAsync("api/tenants/ten_1/device-groups/assign", new { groupIds = new[] { "dg_1" }, confirmReassign = true });

        Assert.Equal([SensitiveOperation.MoveDeviceGroup], _asked);
        Assert.Contains(Assert.Single(_server.Received).Headers, h => h.Key == "Signature");
    }

    [Fact]
    public async Task The_account_key_is_never_asked_and_never_signs()
    {
        var client = await ClientAsync(CallerResponse.Account, ConsoleKeyStatus.None);

        await client.PostAsJsonAsync("api/device-groups", new { name = "Lyon office" });

        Assert.Empty(_asked);
        Assert.DoesNotContain(Assert.Single(_server.Received).Headers, h => h.Key == "Signature");
    }

    private sealed class FakeLocalKeys : ILocalSigningKeys
    {
        private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public string PublicJwk
        {
            get
            {
                var q = _key.ExportParameters(false).Q;
                static string B64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                return $$"""{"kty":"EC","crv":"P-256","x":"{{B64(q.X!)}}","y":"{{B64(q.Y!)}}"}""";
            }
        }

        public Task<bool> SupportedAsync() => Task.FromResult(true);
        public Task<LocalSigningKey?> FindAsync(string slot) => Task.FromResult<LocalSigningKey?>(new(PublicJwk, "sk_1"));
        public Task<string> CreateAsync(string slot) => Task.FromResult(PublicJwk);
        public Task SetKeyIdAsync(string slot, string keyId) => Task.CompletedTask;
        public Task ForgetAsync(string slot) => Task.CompletedTask;

        public Task<byte[]?> SignAsync(string slot, string text) => Task.FromResult<byte[]?>(
            _key.SignData(Encoding.ASCII.GetBytes(text), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    /// <summary>What reached the network: the URL, every header line and the body bytes.</summary>
    private sealed class RecordingApi : HttpMessageHandler
    {
        public List<(string Uri, List<KeyValuePair<string, string>> Headers, byte[] Body)> Received { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v))).ToList();
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            Received.Add((request.RequestUri!.AbsoluteUri, headers, body));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }
    }
}

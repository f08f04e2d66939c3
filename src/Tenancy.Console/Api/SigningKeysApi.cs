using System.Text.Json;
using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Api;

/// <summary>The signing-key calls (API.md, Signing keys), and the agent list an administrator reviews keys by.</summary>
public sealed class SigningKeysApi(TenancyApi api)
{
    public Task<ApiResult<SigningKeyResponse>> RegisterAsync(string agentId, string name, string publicJwk) =>
        api.SendAsync<SigningKeyResponse>(HttpMethod.Post, $"api/agents/{Esc(agentId)}/signing-keys",
            new RegisterSigningKeyBody(name, JsonSerializer.Deserialize<JwkBody>(publicJwk, ConsoleJson.Options)));

    public Task<ApiResult<SigningKeysResponse>> ListAsync(string agentId) =>
        api.SendAsync<SigningKeysResponse>(HttpMethod.Get, $"api/agents/{Esc(agentId)}/signing-keys");

    public Task<ApiResult<SigningKeyResponse>> ApproveAsync(string keyId) =>
        api.SendAsync<SigningKeyResponse>(HttpMethod.Post, $"api/signing-keys/{Esc(keyId)}/approve");

    public Task<ApiResult<object>> RevokeAsync(string keyId) =>
        api.SendAsync<object>(HttpMethod.Delete, $"api/signing-keys/{Esc(keyId)}");

    public Task<ApiResult<ListResponse<AgentResponse>>> AgentsAsync() =>
        api.SendAsync<ListResponse<AgentResponse>>(HttpMethod.Get, "api/agents");

    private static string Esc(string value) => Uri.EscapeDataString(value);
}

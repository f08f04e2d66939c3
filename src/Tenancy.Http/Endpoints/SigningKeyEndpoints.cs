using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tenancy.Core.Signatures;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for agents' signing keys (the product page's « clé de signature »).</summary>
public static class SigningKeyEndpoints
{
    public static Task<IResult> Register(HttpRequest request, string agentId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentId", agentId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<RegisterSigningKeyBody>(request, ctx.CancellationToken);
        if (body.PublicKey?.D is not null)
            throw Core.Common.ValidationException.For("publicKey", "The JWK holds a private key (\"d\"): send the public half only, and keep the private key on the device.");
        var jwk = body.PublicKey is { } k ? JsonSerializer.Serialize(new { kty = k.Kty, crv = k.Crv, x = k.X, y = k.Y }) : null;
        var (key, created) = await ctx.Service<SigningKeyService>().RegisterAsync(ctx.Caller, agentId, body.Name, jwk, ctx.CancellationToken);
        var answer = Results.Json(Response(key), TenancyJson.Options, statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
        return created ? answer.WithLocation($"/api/agents/{agentId}/signing-keys") : answer;
    });

    public static Task<IResult> List(HttpRequest request, string agentId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentId", agentId)], async ctx =>
        Results.Json(new SigningKeysResponse((await ctx.Service<SigningKeyService>().ListAsync(ctx.Caller, agentId, ctx.CancellationToken)).Select(Response).ToList()),
            TenancyJson.Options));

    public static Task<IResult> Approve(HttpRequest request, string keyId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("keyId", keyId)], async ctx =>
        Results.Json(Response(await ctx.Service<SigningKeyService>().ApproveAsync(ctx.Caller, keyId, ctx.CancellationToken)), TenancyJson.Options));

    public static Task<IResult> Revoke(HttpRequest request, string keyId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("keyId", keyId)], async ctx =>
    {
        await ctx.Service<SigningKeyService>().RevokeAsync(ctx.Caller, keyId,
            () => SignatureGate.RequireAsync(request, ctx.Caller, SensitiveOperation.RevokeSigningKey, ctx.CancellationToken), ctx.CancellationToken);
        return Results.NoContent();
    });

    public static SigningKeyResponse Response(SigningKey key) =>
        new(key.Id, key.Name, key.Fingerprint, SigningKey.StatusName(key.Status), key.CreatedAt, key.ApprovedBy, key.LastUsedAt);
}

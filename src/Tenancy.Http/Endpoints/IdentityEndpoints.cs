using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Identity;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for signing in with work accounts (R14): invitations, linking and unlinking.</summary>
public static class IdentityEndpoints
{
    public static Task<IResult> CreateInvitation(HttpRequest request, string agentId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentId", agentId)], async ctx =>
    {
        var created = await ctx.Service<IdentityLinkService>().InviteAsync(ctx.AccountId, agentId, ctx.CancellationToken);
        return Results.Json(new InvitationResponse(created.Code, created.ExpiresAt), TenancyJson.Options, statusCode: StatusCodes.Status201Created);
    });

    public static Task<IResult> LinkIdentity(HttpRequest request) => ApiEndpoint.RunForIdentityAsync(request, async (identity, cancellationToken) =>
    {
        var body = await JsonBody.ReadAsync<LinkIdentityBody>(request, cancellationToken);
        var services = request.HttpContext.RequestServices;
        await services.GetRequiredService<IdentityLinkService>().LinkAsync(identity, body.Code, cancellationToken);
        var caller = await services.GetRequiredService<AccountService>().AuthenticateAsync(identity, cancellationToken)
            ?? throw new KeyRevokedException(identity.KeyHash);
        var current = await services.GetRequiredService<AgentCallers>().ResolveAsync(caller, cancellationToken);
        return Results.Json(AccessEndpoints.MeView(current), TenancyJson.Options);
    });

    public static Task<IResult> UnlinkIdentity(HttpRequest request, string agentId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("agentId", agentId)], async ctx =>
    {
        await ctx.Service<IdentityLinkService>().UnlinkAsync(ctx.AccountId, agentId, ctx.CancellationToken);
        return Results.NoContent();
    });
}

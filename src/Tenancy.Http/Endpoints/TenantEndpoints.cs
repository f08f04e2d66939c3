using Tenancy.Core.Signatures;
using Microsoft.AspNetCore.Http;
using Tenancy.Http.OpenApi;
using Tenancy.Core.Tenants;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for <c>/api/tenants</c> (R2).</summary>
public static class TenantEndpoints
{
    public static Task<IResult> List(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var search = QueryArgs.String(request, "search", maxLength: 128);
        var page = await ctx.Service<TenantService>().ListAsync(ctx.AccountId, search, QueryArgs.Page(request), ctx.CancellationToken);
        return Results.Json(new ListResponse<TenantListItem>(page.Items.Select(TenantListItem.From).ToList(), page.ContinuationToken), TenancyJson.Options);
    });

    public static Task<IResult> Create(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        SignatureGate.KeepBody(request);
        var body = await JsonBody.ReadAsync<CreateTenantBody>(request, ctx.CancellationToken);
        if (body.ConfirmReassign == true)
            await SignatureGate.RequireAsync(request, ctx.Caller, SensitiveOperation.MoveDeviceGroup, ctx.CancellationToken);
        var tenant = await ctx.Service<TenantService>().CreateAsync(ctx.AccountId, body.ToRequest(), TenantOrigin.Console, ctx.CancellationToken);
        ctx.SetETag(tenant.ETag);
        return Results.Json(TenantViews.View(tenant), TenancyJson.Options, statusCode: StatusCodes.Status201Created)
            .WithLocation($"/api/tenants/{tenant.Id}");
    });

    public static Task<IResult> Get(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        var tenant = await ctx.Service<TenantService>().GetAsync(ctx.AccountId, tenantId, ctx.CancellationToken);
        return await TenantViews.OkAsync(ctx, tenant);
    });

    public static Task<IResult> Update(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<PatchTenantBody>(request, ctx.CancellationToken);
        var tenant = await ctx.Service<TenantService>().UpdateAsync(ctx.AccountId, tenantId,
            new TenantPatch(body.Name, body.Notes, EditSession(request)), ctx.IfMatch, ctx.CancellationToken);
        return await TenantViews.OkAsync(ctx, tenant);
    });

    private static string? EditSession(HttpRequest request) =>
        request.Headers[EditSessionMetadata.Header].Count > 0 ? request.Headers[EditSessionMetadata.Header].ToString() : null;

    public static Task<IResult> Delete(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        await ctx.Service<TenantService>().DeleteAsync(ctx.AccountId, tenantId, ctx.IfMatch, ctx.CancellationToken);
        return Results.NoContent();
    });
}

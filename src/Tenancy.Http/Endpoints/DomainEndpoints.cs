using Microsoft.AspNetCore.Http;
using Tenancy.Core.Domains;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for a tenant's email domains (R5). Writes answer with the tenant's new ETag.</summary>
public static class DomainEndpoints
{
    public static Task<IResult> List(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
        Results.Json(new DomainsResponse(await ctx.Service<DomainService>().ListAsync(ctx.AccountId, tenantId, ctx.CancellationToken)), TenancyJson.Options));

    public static Task<IResult> Replace(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<DomainsBody>(request, ctx.CancellationToken);
        var tenant = await ctx.Service<DomainService>().ReplaceAsync(ctx.AccountId, tenantId, body.Domains, ctx.IfMatch, ctx.CancellationToken);
        ctx.SetETag(tenant.ETag);
        return Results.Json(new DomainsResponse(tenant.Domains), TenancyJson.Options);
    });

    public static Task<IResult> Add(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<DomainBody>(request, ctx.CancellationToken);
        var (domain, tenant) = await ctx.Service<DomainService>().AddAsync(ctx.AccountId, tenantId, body.Domain, ctx.IfMatch, ctx.CancellationToken);
        ctx.SetETag(tenant.ETag);
        return Results.Json(new DomainResponse(domain, tenant.Domains), TenancyJson.Options, statusCode: StatusCodes.Status201Created)
            .WithLocation($"/api/tenants/{tenantId}/domains/{domain}");
    });

    public static Task<IResult> Remove(HttpRequest request, string tenantId, string domain) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId), RouteArg.Text("domain", domain)], async ctx =>
    {
        await ctx.Service<DomainService>().RemoveAsync(ctx.AccountId, tenantId, domain, ctx.IfMatch, ctx.CancellationToken);
        return Results.NoContent();
    });
}

using Microsoft.AspNetCore.Http;
using Tenancy.Core.Tenants;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>Builds the tenant answer (with its device groups) that several routes return.</summary>
public static class TenantViews
{
    public static Task<TenantResponse> ViewAsync(RequestContext ctx, Tenant tenant) =>
        Task.FromResult(TenantResponse.From(tenant, []));

    public static async Task<IResult> OkAsync(RequestContext ctx, Tenant tenant)
    {
        ctx.SetETag(tenant.ETag);
        return Results.Json(await ViewAsync(ctx, tenant), TenancyJson.Options);
    }
}

using Microsoft.AspNetCore.Http;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Tenants;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>Builds the tenant answer (with its device groups) that several routes return.</summary>
public static class TenantViews
{
    public static async Task<TenantResponse> ViewAsync(RequestContext ctx, Tenant tenant)
    {
        var groups = await ctx.Service<DeviceGroupService>().ForTenantAsync(ctx.AccountId, tenant.Id, ctx.CancellationToken);
        return TenantResponse.From(tenant, groups.Select(g => new DeviceGroupRef(g.Id, g.Name, g.DeviceCount)).ToList());
    }

    public static async Task<IResult> OkAsync(RequestContext ctx, Tenant tenant)
    {
        ctx.SetETag(tenant.ETag);
        return Results.Json(await ViewAsync(ctx, tenant), TenancyJson.Options);
    }
}

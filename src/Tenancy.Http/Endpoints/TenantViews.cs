using Microsoft.AspNetCore.Http;
using Tenancy.Core.Tenants;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>Builds the tenant answer (with its device groups) that several routes return.</summary>
public static class TenantViews
{
    /// <summary>The tenant answer; its groups are those read with it (no further read), in name order.</summary>
    public static TenantResponse View(Tenant tenant) => TenantResponse.From(tenant, tenant.Groups
        .OrderBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
        .Select(g => new DeviceGroupRef(g.Id, g.Name, g.DeviceCount)).ToList());

    public static Task<IResult> OkAsync(RequestContext ctx, Tenant tenant)
    {
        ctx.SetETag(tenant.ETag);
        return Task.FromResult(Results.Json(View(tenant), TenancyJson.Options));
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>Tenant routes (R2), one function per <see cref="ApiRoutes.All"/> entry, on the shared handlers.</summary>
public static class TenantFunctions
{
    [Function("ListTenants")]
    public static Task<IResult> ListTenants(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Tenants)] HttpRequest req) =>
        TenantEndpoints.List(req);

    [Function("CreateTenant")]
    public static Task<IResult> CreateTenant(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Tenants)] HttpRequest req) =>
        TenantEndpoints.Create(req);

    [Function("GetTenant")]
    public static Task<IResult> GetTenant(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Tenant)] HttpRequest req, string tenantId) =>
        TenantEndpoints.Get(req, tenantId);

    [Function("UpdateTenant")]
    public static Task<IResult> UpdateTenant(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ApiRoutes.Tenant)] HttpRequest req, string tenantId) =>
        TenantEndpoints.Update(req, tenantId);

    [Function("DeleteTenant")]
    public static Task<IResult> DeleteTenant(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Tenant)] HttpRequest req, string tenantId) =>
        TenantEndpoints.Delete(req, tenantId);
}

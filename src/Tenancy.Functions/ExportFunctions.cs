using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>The tenant export (R12).</summary>
public static class ExportFunctions
{
    [Function("ExportTenants")]
    public static Task<IResult> ExportTenants(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TenantExport)] HttpRequest req) =>
        ExportEndpoints.Export(req);
}

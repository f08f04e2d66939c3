using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>The audit log (R10): read only.</summary>
public static class AuditFunctions
{
    [Function("ListAudit")]
    public static Task<IResult> ListAudit(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Audit)] HttpRequest req) =>
        AuditEndpoints.List(req);
}

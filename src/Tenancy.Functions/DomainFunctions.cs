using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>Email domain routes (R5), one function per <see cref="ApiRoutes.All"/> entry, on the shared handlers.</summary>
public static class DomainFunctions
{
    [Function("ListDomains")]
    public static Task<IResult> ListDomains(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Domains)] HttpRequest req, string tenantId) =>
        DomainEndpoints.List(req, tenantId);

    [Function("ReplaceDomains")]
    public static Task<IResult> ReplaceDomains(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Domains)] HttpRequest req, string tenantId) =>
        DomainEndpoints.Replace(req, tenantId);

    [Function("AddDomain")]
    public static Task<IResult> AddDomain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Domains)] HttpRequest req, string tenantId) =>
        DomainEndpoints.Add(req, tenantId);

    [Function("RemoveDomain")]
    public static Task<IResult> RemoveDomain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Domain)] HttpRequest req, string tenantId, string domain) =>
        DomainEndpoints.Remove(req, tenantId, domain);
}

using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>Contact routes (R3), one function per <see cref="ApiRoutes.All"/> entry, on the shared handlers.</summary>
public static class ContactFunctions
{
    [Function("AddContact")]
    public static Task<IResult> AddContact(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Contacts)] HttpRequest req, string tenantId) =>
        ContactEndpoints.Add(req, tenantId);

    [Function("UpdateContact")]
    public static Task<IResult> UpdateContact(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ApiRoutes.Contact)] HttpRequest req, string tenantId, string contactId) =>
        ContactEndpoints.Update(req, tenantId, contactId);

    [Function("RemoveContact")]
    public static Task<IResult> RemoveContact(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Contact)] HttpRequest req, string tenantId, string contactId) =>
        ContactEndpoints.Remove(req, tenantId, contactId);
}

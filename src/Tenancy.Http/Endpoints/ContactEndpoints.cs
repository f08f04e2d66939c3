using Microsoft.AspNetCore.Http;
using Tenancy.Core.Contacts;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for <c>/api/tenants/{tenantId}/contacts</c> (R3). Writes answer with the tenant's new ETag.</summary>
public static class ContactEndpoints
{
    public static Task<IResult> Add(HttpRequest request, string tenantId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<ContactBody>(request, ctx.CancellationToken);
        var (contact, etag) = await ctx.Service<ContactService>().AddAsync(ctx.AccountId, tenantId, body.ToFields(), ctx.IfMatch, ctx.CancellationToken);
        ctx.SetETag(etag);
        return Results.Json(ContactResponse.From(contact), TenancyJson.Options, statusCode: StatusCodes.Status201Created)
            .WithLocation($"/api/tenants/{tenantId}/contacts/{contact.Id}");
    });

    public static Task<IResult> Update(HttpRequest request, string tenantId, string contactId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId), RouteArg.Id("contactId", contactId)], async ctx =>
    {
        var body = await JsonBody.ReadAsync<ContactPatchBody>(request, ctx.CancellationToken);
        var (contact, etag) = await ctx.Service<ContactService>().UpdateAsync(ctx.AccountId, tenantId, contactId, body.ToFields(), ctx.IfMatch, ctx.CancellationToken);
        ctx.SetETag(etag);
        return Results.Json(ContactResponse.From(contact), TenancyJson.Options);
    });

    public static Task<IResult> Remove(HttpRequest request, string tenantId, string contactId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("tenantId", tenantId), RouteArg.Id("contactId", contactId)], async ctx =>
    {
        await ctx.Service<ContactService>().RemoveAsync(ctx.AccountId, tenantId, contactId, ctx.IfMatch, ctx.CancellationToken);
        return Results.NoContent();
    });
}

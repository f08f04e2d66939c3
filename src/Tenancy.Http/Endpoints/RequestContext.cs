using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;

namespace Tenancy.Http.Endpoints;

/// <summary>What a handler knows about the call: who is calling, the request, and the services.</summary>
public sealed record RequestContext(Caller Caller, HttpRequest Request, CancellationToken CancellationToken)
{
    public Account Account => Caller.Account;

    public string AccountId => Account.Id;

    public T Service<T>() where T : notnull => Request.HttpContext.RequestServices.GetRequiredService<T>();

    /// <summary>The caller's <c>If-Match</c>, if any.</summary>
    public string? IfMatch => Request.Headers.IfMatch.Count > 0 ? Request.Headers.IfMatch.ToString() : null;

    public void SetETag(string etag)
    {
        if (etag.Length > 0) Request.HttpContext.Response.Headers.ETag = etag;
    }
}

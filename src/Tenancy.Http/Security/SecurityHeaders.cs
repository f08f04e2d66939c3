using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Tenancy.Http.Security;

/// <summary>
/// The hardening headers of every answer, the console's pages and the API's alike. The policy lets the Blazor
/// WebAssembly console run and nothing else: its scripts come from this origin only (<c>'wasm-unsafe-eval'</c> lets
/// the .NET runtime compile its WebAssembly; no inline script, no eval of JavaScript), it talks to this origin only,
/// and no other site may frame it. Styles may be inline because components set <c>style</c> attributes; a style
/// runs no code.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>The local host's first middleware: every answer carries the headers, whoever writes it.</summary>
    public static void UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            Apply(context.Response);
            return next(context);
        });
}

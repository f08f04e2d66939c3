using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tenancy.Http.Problems;

namespace Tenancy.Http.Endpoints;

/// <summary>
/// Refuses <c>.</c> and <c>..</c> path segments, encoded or not. The server removes them (after decoding
/// <c>%2E</c>) before routing, so <c>DELETE …/domains/%2E%2E</c> would reach <c>DELETE /tenants/{id}</c>; only the
/// raw request target still shows them.
/// </summary>
public static class DotSegments
{
    public static bool In(HttpRequest request)
    {
        var raw = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? "";
        var end = raw.IndexOfAny(['?', '#']);
        foreach (var segment in (end < 0 ? raw : raw[..end]).Split('/'))
        {
            // The longest spelling of a dot segment is "%2E%2E".
            if (segment.Length is 0 or > 6) continue;
            if (Uri.UnescapeDataString(segment) is "." or "..") return true;
        }
        return false;
    }

    public static HttpProblemException Problem() => new(StatusCodes.Status400BadRequest, "bad-path", "The path is not valid.",
        "A path segment is '.' or '..' (perhaps percent-encoded); send ids and domains as they are.");

    /// <summary>Refuses dot segments before routing, for paths that would otherwise reach no handler or another one.</summary>
    public static IApplicationBuilder UseDotSegmentRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (In(context.Request)) await ProblemResults.From(Problem()).ExecuteAsync(context);
        else await next(context);
    });
}

using Microsoft.AspNetCore.Http;

namespace Tenancy.Http.Endpoints;

public static class ResultExtensions
{
    /// <summary>Adds a <c>Location</c> header to a result.</summary>
    public static IResult WithLocation(this IResult result, string location) => new LocatedResult(result, location);

    private sealed class LocatedResult(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

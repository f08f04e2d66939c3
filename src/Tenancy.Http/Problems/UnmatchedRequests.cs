using Microsoft.AspNetCore.Http;
using Tenancy.Http.OpenApi;

namespace Tenancy.Http.Problems;

/// <summary>
/// The problem details ASP.NET Core writes itself, for a path no route serves (404) or a method a route does not take
/// (405): given the API's own types and a detail that says what was asked, like every other error of the API.
/// </summary>
public static class UnmatchedRequests
{
    public static void Describe(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type?.StartsWith(ProblemResults.TypePrefix, StringComparison.Ordinal) == true) return;
        var request = context.HttpContext.Request;
        var asked = $"{request.Method} {request.Path}";
        switch (problem.Status)
        {
            case StatusCodes.Status404NotFound:
                problem.Type = ProblemResults.TypePrefix + "not-found";
                problem.Title = "Not found.";
                problem.Detail ??= $"No route serves {asked}: the routes are in /{ApiRoutes.Prefix}/{TenancyOpenApi.Route}.";
                break;
            case StatusCodes.Status405MethodNotAllowed:
                problem.Type = ProblemResults.TypePrefix + "method-not-allowed";
                problem.Title = "Method not allowed.";
                // HEAD is not served (the routes answer GET), whatever routing lists.
                var allowed = string.Join(", ", context.HttpContext.Response.Headers.Allow.ToString()
                    .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Where(m => !HttpMethods.IsHead(m)));
                problem.Detail ??= allowed.Length > 0 ? $"{asked} is not served; this path takes {allowed}." : $"{asked} is not served.";
                break;
        }
    }
}

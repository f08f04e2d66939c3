using System.Reflection;
using Microsoft.AspNetCore.Http;
using Tenancy.Http;

namespace Tenancy.Api.Tests.Paths;

/// <summary>Every handler with a route value checks it, whichever host calls it (Functions passes them as arguments).</summary>
public class RouteArgCoverageTests
{
    public static TheoryData<string> RoutesWithValues => new(ApiRoutes.All
        .Where(r => r.Handler.Method.GetParameters().Any(p => p.ParameterType == typeof(string))).Select(r => r.Name));

    [Theory]
    [MemberData(nameof(RoutesWithValues))]
    public async Task A_dot_dot_route_value_is_refused_before_authentication(string name)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);
        var context = new DefaultHttpContext();
        context.Request.Method = route.Method;
        var arguments = route.Handler.Method.GetParameters()
            .Select(p => p.ParameterType == typeof(HttpRequest) ? (object)context.Request : "..").ToArray();

        var result = await (Task<IResult>)route.Handler.Method.Invoke(route.Handler.Target, arguments)!;

        Assert.Contains(Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode, new int?[] { 400, 404 });
    }
}

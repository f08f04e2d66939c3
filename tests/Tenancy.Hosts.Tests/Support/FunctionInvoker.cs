using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Tenancy.Http;

namespace Tenancy.Hosts.Tests.Support;

/// <summary>An HTTP answer reduced to what a caller sees.</summary>
public sealed record Answer(int Status, string? ContentType, string? ContentDisposition, byte[] Body);

/// <summary>
/// Calls an HTTP function of the Functions app as the worker's ASP.NET Core integration does: the function chosen by
/// the route and method in <c>functions.metadata</c>, its entry point called with a real <see cref="HttpContext"/>
/// whose services are the worker host's, route values as arguments, and the returned <see cref="IResult"/> executed.
/// </summary>
public sealed class FunctionInvoker(IServiceProvider services)
{
    public Task<Answer> SendAsync(HttpMethod method, string pathAndQuery, string? apiKey, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, new Uri(BaseAddress, pathAndQuery)) { Content = content };
        if (apiKey is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return SendAsync(request);
    }

    /// <summary>Where the functions are called as if served: the URL a request is received at (<c>@target-uri</c> of a signature).</summary>
    public static readonly Uri BaseAddress = new("http://localhost/");

    /// <summary>Sends a request as it is, every header and the raw body (a signed request's signature covers them).</summary>
    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        var uri = request.RequestUri!.IsAbsoluteUri ? request.RequestUri : new Uri(BaseAddress, request.RequestUri);
        var (function, values) = Find(request.Method.Method, uri.AbsolutePath.TrimStart('/'));

        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = request.Method.Method;
        context.Request.Scheme = uri.Scheme;
        context.Request.Host = new HostString(uri.Authority);
        context.Request.Path = uri.AbsolutePath;
        context.Request.QueryString = new QueryString(uri.Query);
        foreach (var (name, value) in request.Headers) context.Request.Headers[name] = value.ToArray();
        if (request.Content is { } content)
        {
            var body = await content.ReadAsByteArrayAsync();
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
            context.Request.ContentType = content.Headers.ContentType?.ToString();
        }
        var response = new MemoryStream();
        context.Response.Body = response;

        var arguments = function.GetParameters()
            .Select(p => p.ParameterType == typeof(HttpRequest) ? context.Request : (object?)values[p.Name!]?.ToString())
            .ToArray();
        var result = await (Task<IResult>)function.Invoke(null, arguments)!;
        await result.ExecuteAsync(context);

        return new Answer(context.Response.StatusCode, context.Response.ContentType,
            context.Response.Headers.ContentDisposition is { Count: > 0 } d ? d.ToString() : null, response.ToArray());
    }

    /// <summary>The HTTP function for a method and path, the one with the fewest route parameters when several match.</summary>
    private static (MethodInfo Function, RouteValueDictionary Values) Find(string method, string path)
    {
        var prefix = ApiRoutes.Prefix + "/";
        Assert.StartsWith(prefix, path);
        var matches = FunctionsMetadata.All
            .Where(f => f.TriggerType == "httpTrigger" && f.Methods.Contains(method))
            .Select(f =>
            {
                var template = TemplateParser.Parse(f.Get("route")!);
                var values = new RouteValueDictionary();
                return (Entry: f, Template: template, Values: values,
                    Matched: new TemplateMatcher(template, []).TryMatch("/" + path[prefix.Length..], values));
            })
            .Where(m => m.Matched)
            .OrderBy(m => m.Template.Parameters.Count)
            .ToList();
        Assert.True(matches.Count > 0, $"No function in functions.metadata serves {method} /{path}.");

        var entryPoint = matches[0].Entry.EntryPoint;
        var typeName = entryPoint[..entryPoint.LastIndexOf('.')];
        var function = typeof(Tenancy.Functions.FunctionsServices).Assembly.GetType(typeName, throwOnError: true)!
            .GetMethod(entryPoint[(typeName.Length + 1)..], BindingFlags.Public | BindingFlags.Static)!;
        return (function, matches[0].Values);
    }
}

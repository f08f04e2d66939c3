using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Tenancy.Hosts.Tests.Support;
using Tenancy.Http;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>The Functions app serves exactly the route table the local host serves (SPEC.md "Hosts").</summary>
public class HttpFunctionsTests
{
    public static TheoryData<string> RouteNames => new(ApiRoutes.All.Select(r => r.Name));

    private static ApiRoute Route(string name) => ApiRoutes.All.Single(r => r.Name == name);

    private static FunctionDeclaration SingleFunction(string name)
    {
        var found = FunctionsSource.Named(name);
        Assert.True(found.Count == 1,
            $"Expected exactly one [Function(\"{name}\")] in {FunctionsSource.ProjectFolder}, found {found.Count}{(found.Count > 0 ? ": " + string.Join(", ", found) : "")}.");
        return found[0];
    }

    private static string HttpTrigger(FunctionDeclaration function) =>
        function.AttributeArguments("HttpTrigger")
        ?? throw new Xunit.Sdk.XunitException($"{function} has no [HttpTrigger(...)] parameter.");

    private static IReadOnlyList<string> Placeholders(string template) =>
        Regex.Matches(template, @"\{(?<name>\w+)\}").Select(m => m.Groups["name"].Value).ToList();

    private static IReadOnlyList<string> HandlerRouteParameters(ApiRoute route) =>
        route.Handler.Method.GetParameters().Where(p => p.ParameterType != typeof(HttpRequest)).Select(p => p.Name!).ToList();

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void Route_has_one_function_with_the_same_method(string name)
    {
        var route = Route(name);
        var trigger = HttpTrigger(SingleFunction(name));

        var method = Regex.Match(trigger, "\"(?<method>[A-Za-z]+)\"").Groups["method"].Value;

        Assert.True(string.Equals(method, route.Method, StringComparison.OrdinalIgnoreCase),
            $"{name}: the route table says {route.Method}, the HttpTrigger says \"{method}\".");
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void Route_function_keeps_the_function_key(string name)
    {
        var trigger = HttpTrigger(SingleFunction(name));

        Assert.True(Regex.IsMatch(trigger, @"^\s*AuthorizationLevel\.Function\b"),
            $"{name}: expected HttpTrigger(AuthorizationLevel.Function, ...) (API.md keeps the function key), got ({trigger}).");
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void Route_function_uses_the_route_table_constant(string name)
    {
        var route = Route(name);
        var trigger = HttpTrigger(SingleFunction(name));

        var constant = Regex.Match(trigger, @"\bRoute\s*=\s*ApiRoutes\.(?<name>\w+)");
        Assert.True(constant.Success, $"{name}: expected Route = ApiRoutes.<constant> in ({trigger}).");
        var field = typeof(ApiRoutes).GetField(constant.Groups["name"].Value, BindingFlags.Public | BindingFlags.Static);
        Assert.True(field is { IsLiteral: true }, $"{name}: ApiRoutes.{constant.Groups["name"].Value} is not a constant of ApiRoutes.");
        Assert.True((string?)field!.GetRawConstantValue() == route.Template,
            $"{name}: ApiRoutes.{field.Name} is \"{field.GetRawConstantValue()}\", the route table says \"{route.Template}\".");
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void Route_function_calls_the_route_table_handler(string name)
    {
        var route = Route(name);
        var function = SingleFunction(name);
        var handler = $"{route.Handler.Method.DeclaringType!.Name}.{route.Handler.Method.Name}";

        var call = Regex.Match(function.Text, @"=>\s*(?<handler>[\w.]+)\s*\((?<args>[^)]*)\)");
        Assert.True(call.Success, $"{function}: expected a body '=> {handler}(req, ...)'.");
        Assert.True(call.Groups["handler"].Value == handler, $"{function}: calls {call.Groups["handler"].Value}, the route table says {handler}.");

        var arguments = call.Groups["args"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string[] expected = ["req", .. HandlerRouteParameters(route)];
        Assert.True(arguments.SequenceEqual(expected),
            $"{function}: calls {handler}({string.Join(", ", arguments)}), expected {handler}({string.Join(", ", expected)}).");
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void Route_function_binds_each_route_value_by_name(string name)
    {
        var route = Route(name);
        var function = SingleFunction(name);

        // The worker fills a parameter from the route value of the same name.
        var missing = Placeholders(route.Template).Where(p => !Regex.IsMatch(function.Text, $@"\bstring\s+{p}\b")).ToList();

        Assert.True(missing.Count == 0, $"{function}: no 'string {string.Join("', 'string ", missing)}' parameter for {route.Template}.");
    }

    [Fact]
    public void Every_http_function_is_a_route_of_the_table()
    {
        var known = ApiRoutes.All.Select(r => r.Name).ToHashSet();

        var extra = FunctionsSource.WithTrigger("HttpTrigger")
            .Where(f => !known.Contains(f.Name))
            .Select(f => f.ToString())
            .ToList();

        Assert.True(extra.Count == 0, $"HTTP functions with no entry in ApiRoutes.All: {string.Join(", ", extra)}.");
    }

    [Fact]
    public void Function_names_are_unique()
    {
        var duplicates = FunctionsSource.Functions.GroupBy(f => f.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(duplicates.Count == 0, $"Function names declared more than once: {string.Join(", ", duplicates)}.");
    }
}

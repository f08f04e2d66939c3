using System.Text.RegularExpressions;
using Tenancy.Functions;
using Tenancy.Hosts.Tests.Support;
using Tenancy.Http;
using Tenancy.Local;
using Tenancy.Storage.Imports;
using Tenancy.Storage.Setup;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>
/// What the Functions host will expose, read from the <c>functions.metadata</c> the worker SDK generated: every
/// route of the table has exactly its function, and nothing else is reachable (SPEC.md "Hosts").
/// </summary>
public class GeneratedMetadataTests
{
    /// <summary>Functions that are not routes of the table: the anonymous routes, and the blob trigger.</summary>
    private static IEnumerable<string> Extras => AnonymousRoutes.All.Select(r => r.Name).Append("ImportTemplateBlob").Append("RetentionSweep");

    public static TheoryData<string> RouteNames => new(ApiRoutes.All.Select(r => r.Name));

    public static TheoryData<string> AnonymousRouteNames => new(AnonymousRoutes.All.Select(r => r.Name));

    private static FunctionEntry Single(string name)
    {
        var found = FunctionsMetadata.All.Where(f => f.Name == name).ToList();
        Assert.True(found.Count == 1, $"functions.metadata has {found.Count} functions named {name}, expected one.");
        return found[0];
    }

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void Route_has_one_anonymous_http_function_with_its_route_and_method(string name)
    {
        var route = ApiRoutes.All.Single(r => r.Name == name);

        var function = Single(name);

        Assert.Equal("httpTrigger", function.TriggerType);
        Assert.Equal(route.Template, function.Get("route"));
        Assert.Equal([route.Method], function.Methods);
        // The API key authenticates every call; a function key would have to ship to the browser console.
        Assert.Equal("Anonymous", function.Get("authLevel"));
    }

    [Fact]
    public void Nothing_but_the_routes_and_the_known_extras_is_exposed()
    {
        var expected = ApiRoutes.All.Select(r => r.Name).Concat(Extras).Order();

        Assert.Equal(expected, FunctionsMetadata.All.Select(f => f.Name).Order());
    }

    [Fact]
    public void The_retention_sweep_runs_on_a_timer()
    {
        Assert.Equal("timerTrigger", Single("RetentionSweep").TriggerType);
    }

    [Fact]
    public void Http_functions_answer_under_the_api_prefix_of_host_json()
    {
        var prefix = Regex.Match(RepositoryRoot.ReadAllText("host.json"), @"""routePrefix""\s*:\s*""(?<p>[^""]*)""").Groups["p"].Value;

        Assert.Equal(ApiRoutes.Prefix, prefix);
    }

    [Theory]
    [MemberData(nameof(AnonymousRouteNames))]
    public void Anonymous_routes_are_anonymous_functions_at_the_local_hosts_path(string name)
    {
        var function = Single(name);

        Assert.Equal(AnonymousRoutes.All.Single(r => r.Name == name).Template, function.Get("route"));
        Assert.Equal(["GET"], function.Methods);
        Assert.Equal("Anonymous", function.Get("authLevel"));
    }

    [Fact]
    public void Import_blob_trigger_takes_event_grid_events_on_the_container_bicep_creates()
    {
        var container = Regex.Match(RepositoryRoot.ReadAllText("infra", "main.bicep"), @"tenantImportsContainerName\s*=\s*'(?<name>[^']+)'").Groups["name"].Value;

        var function = Single("ImportTemplateBlob");

        Assert.Equal("blobTrigger", function.TriggerType);
        Assert.Equal(BlobImportFileStore.ContainerName, container);
        Assert.Equal($"{container}/{{name}}", function.Get("path"));
        Assert.Equal("EventGrid", function.Get("source"));
        Assert.Equal(StorageOptions.Section, function.Get("connection"));
        Assert.Equal($"{typeof(ImportFunctions).FullName}.{nameof(ImportFunctions.ImportTemplateBlob)}", function.EntryPoint);
    }

    [Theory]
    [InlineData("postdeploy.sh", @"IMPORT_BLOB_FUNCTION_NAME:-(?<name>\w+)")]
    [InlineData("postdeploy.ps1", @"IMPORT_BLOB_FUNCTION_NAME\s*\}\s*else\s*\{\s*'(?<name>\w+)'")]
    public void Function_the_postdeploy_hook_subscribes_is_the_event_grid_blob_trigger(string script, string pattern)
    {
        var match = Regex.Match(RepositoryRoot.ReadAllText("infra", "hooks", script), pattern);
        Assert.True(match.Success, $"infra/hooks/{script}: no default function name found with /{pattern}/.");

        var function = Single(match.Groups["name"].Value);

        Assert.Equal("blobTrigger", function.TriggerType);
        Assert.Equal("EventGrid", function.Get("source"));
    }
}

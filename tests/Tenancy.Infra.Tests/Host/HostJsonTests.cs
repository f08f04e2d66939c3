using System.Text.Json;
using System.Text.Json.Nodes;
using Tenancy.Infra.Tests.Support;

namespace Tenancy.Infra.Tests.Host;

public class HostJsonTests
{
    private static JsonNode HostJson =>
        JsonNode.Parse(RepositoryRoot.ReadAllText("host.json"), documentOptions: new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        })!;

    [Fact]
    public void Host_json_is_schema_version_2()
    {
        Assert.Equal("2.0", (string?)HostJson["version"]);
    }

    [Fact]
    public void Http_routes_live_under_api()
    {
        Assert.Equal("api", (string?)HostJson["extensions"]?["http"]?["routePrefix"]);
    }

    [Fact]
    public void Service_bus_messages_are_settled_by_the_functions()
    {
        Assert.Equal(false, (bool?)HostJson["extensions"]?["serviceBus"]?["autoCompleteMessages"]);
    }

    [Fact]
    public void Function_timeout_is_bounded()
    {
        var timeout = TimeSpan.Parse((string)HostJson["functionTimeout"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(timeout, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
    }
}

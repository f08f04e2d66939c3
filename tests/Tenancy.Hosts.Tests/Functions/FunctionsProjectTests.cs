using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Tenancy.Hosts.Tests.Support;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>How the Functions project is put together: shared registration, root host.json, solution membership.</summary>
public class FunctionsProjectTests
{
    private const string ProjectPath = "src/Tenancy.Functions/Tenancy.Functions.csproj";

    [Fact]
    public void Program_registers_the_services_the_local_host_registers()
    {
        var program = FunctionsSource.Read("Program.cs");

        Assert.True(Regex.IsMatch(program, @"\.AddTenancy\(\s*builder\.Configuration\s*\)"),
            "Program.cs: expected builder.Services.AddTenancy(builder.Configuration), the registration both hosts share.");
        Assert.True(program.Contains("ConfigureFunctionsWebApplication("),
            "Program.cs: expected ConfigureFunctionsWebApplication() (ASP.NET Core integration: the handlers take HttpRequest and return IResult).");
    }

    [Fact]
    public void Service_bus_client_is_built_from_the_trigger_connection_settings()
    {
        var program = FunctionsSource.Read("Program.cs");
        var sender = FunctionsSource.Read("ServiceBusMessageSender.cs");

        Assert.True(Regex.IsMatch(program, @"AddServiceBusClient\(\s*builder\.Configuration\.GetSection\(\s*ServiceBusMessageSender\.ConnectionName\s*\)\s*\)"),
            "Program.cs: expected AddServiceBusClient(builder.Configuration.GetSection(ServiceBusMessageSender.ConnectionName)).");
        Assert.True(Regex.IsMatch(sender, @"ConnectionName\s*=\s*""ServiceBusConnection"""),
            "ServiceBusMessageSender.ConnectionName must be \"ServiceBusConnection\", the triggers' connection.");
    }

    [Fact]
    public void Root_host_json_is_linked_into_the_output_and_the_package()
    {
        var project = XDocument.Load(RepositoryRoot.Combine(ProjectPath));

        var link = project.Descendants("None")
            .SingleOrDefault(e => ((string?)e.Attribute("Include"))?.Replace('\\', '/') == "../../host.json");

        Assert.True(link is not null, $"{ProjectPath}: expected <None Include=\"..\\..\\host.json\" .../> (host.json stays at the root).");
        foreach (var (attribute, expected) in new[] { ("Link", "host.json"), ("CopyToOutputDirectory", "PreserveNewest"), ("CopyToPublishDirectory", "PreserveNewest") })
        {
            Assert.True((string?)link!.Attribute(attribute) == expected,
                $"{ProjectPath}: the host.json link needs {attribute}=\"{expected}\" (the host reads host.json from the app folder).");
        }
    }

    [Fact]
    public void Solution_lists_the_functions_project()
    {
        var solution = RepositoryRoot.ReadAllText("Tenancy.Functions.sln");

        Assert.True(solution.Contains(ProjectPath.Replace('/', '\\')), $"Tenancy.Functions.sln: expected it to list {ProjectPath}.");
    }

    [Fact]
    public void Solution_filter_leaves_out_the_functions_project()
    {
        // The filter is what builds and tests here, where the worker packages cannot be restored.
        var projects = JsonNode.Parse(RepositoryRoot.ReadAllText("Tenancy.slnf"))!["solution"]!["projects"]!.AsArray()
            .Select(p => ((string)p!).Replace('\\', '/'));

        Assert.False(projects.Contains(ProjectPath),
            $"Tenancy.slnf lists {ProjectPath}, which cannot be restored here (src/Tenancy.Functions/README.md).");
    }
}

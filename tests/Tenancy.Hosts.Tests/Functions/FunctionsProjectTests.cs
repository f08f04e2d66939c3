using System.Text.Json.Nodes;
using System.Xml.Linq;
using Tenancy.Hosts.Tests.Support;
using Tenancy.Local;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>How the Functions project is put together: root host.json, solution membership, the Service Bus switch.</summary>
public class FunctionsProjectTests
{
    private const string ProjectPath = "src/Tenancy.Functions/Tenancy.Functions.csproj";
    private const string ServiceBusExtension = "Microsoft.Azure.Functions.Worker.Extensions.ServiceBus";

    private static XDocument Project => XDocument.Load(RepositoryRoot.Combine(ProjectPath));

    [Fact]
    public void Root_host_json_is_linked_into_the_output_and_the_package()
    {
        var link = Project.Descendants("None")
            .SingleOrDefault(e => ((string?)e.Attribute("Include"))?.Replace('\\', '/') == "../../host.json");

        Assert.True(link is not null, $"{ProjectPath}: expected <None Include=\"..\\..\\host.json\" .../> (host.json stays at the root).");
        foreach (var (attribute, expected) in new[] { ("Link", "host.json"), ("CopyToOutputDirectory", "PreserveNewest"), ("CopyToPublishDirectory", "PreserveNewest") })
            Assert.True((string?)link!.Attribute(attribute) == expected,
                $"{ProjectPath}: the host.json link needs {attribute}=\"{expected}\" (the host reads host.json from the app folder).");
    }

    [Fact]
    public void Solution_and_the_test_filter_both_list_the_functions_project()
    {
        var filtered = JsonNode.Parse(RepositoryRoot.ReadAllText("Tenancy.slnf"))!["solution"]!["projects"]!.AsArray()
            .Select(p => ((string)p!).Replace('\\', '/'));

        Assert.Contains(ProjectPath.Replace('/', '\\'), RepositoryRoot.ReadAllText("Tenancy.Functions.sln"));
        Assert.Contains(ProjectPath, filtered);
    }

    [Fact]
    public void The_service_bus_extension_and_its_one_file_come_and_go_together()
    {
        var extension = Project.Descendants("PackageReference").Single(e => (string?)e.Attribute("Include") == ServiceBusExtension);
        var removal = Project.Descendants("Compile").Single(e => e.Attribute("Remove") is not null);

        Assert.Equal("'$(ServiceBusTriggers)' == 'true'", (string?)extension.Parent!.Attribute("Condition"));
        Assert.Equal("'$(ServiceBusTriggers)' != 'true'", (string?)removal.Parent!.Attribute("Condition"));
        Assert.Equal(ServiceBusSource.FileName, (string?)removal.Attribute("Remove"));
    }

    [Fact]
    public void No_other_source_needs_the_service_bus_extension()
    {
        var others = Directory.EnumerateFiles(RepositoryRoot.Combine("src", "Tenancy.Functions"), "*.cs")
            .Where(f => Path.GetFileName(f) != ServiceBusSource.FileName)
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("ServiceBusTrigger") || text.Contains("ServiceBusMessageActions")))
            .Select(Path.GetFileName);

        Assert.Empty(others);
    }
}

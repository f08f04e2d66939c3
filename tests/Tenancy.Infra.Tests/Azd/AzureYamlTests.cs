using System.Text.RegularExpressions;
using Tenancy.Infra.Tests.Support;

namespace Tenancy.Infra.Tests.Azd;

// azure.yaml is small and flat; line patterns say enough without a YAML parser.
public class AzureYamlTests
{
    private static readonly string AzureYaml = RepositoryRoot.ReadAllText("azure.yaml");

    [Theory]
    [InlineData("project", "./src/Tenancy.Functions")]
    [InlineData("language", "dotnet")]
    [InlineData("host", "function")]
    public void Api_service_is_declared(string key, string value)
    {
        Assert.Matches(new Regex($@"(?m)^\s+{key}:\s*{Regex.Escape(value)}\s*$"), AzureYaml);
    }

    [Fact]
    public void The_api_and_the_web_console_are_the_services()
    {
        var services = Regex.Matches(AzureYaml, @"(?m)^  (\w[\w-]*):\s*$")
            .Select(m => m.Groups[1].Value)
            .Where(name => name != "postdeploy");

        Assert.Equal(["api", "web"], services);
    }

    [Fact]
    public void Postdeploy_hook_scripts_exist()
    {
        var scripts = Regex.Matches(AzureYaml, @"(?m)^\s+run:\s*(\./infra/\S+)\s*$").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(2, scripts.Count);
        Assert.All(scripts, s => Assert.True(File.Exists(RepositoryRoot.Combine(s.Split('/'))), s));
    }
}

using System.Text.RegularExpressions;
using Tenancy.Infra.Tests.Support;

namespace Tenancy.Infra.Tests.Azd;

/// <summary>R11 in Azure: the console is a Static Web App, told the API's URL at deploy, and the only browser origin the API allows.</summary>
public class WebConsoleTests
{
    private static readonly string AzureYaml = RepositoryRoot.ReadAllText("azure.yaml");

    [Theory]
    [InlineData("project", "./src/Tenancy.Console")]
    [InlineData("host", "staticwebapp")]
    [InlineData("dist", "bin/Release/net10.0/publish/wwwroot")]
    public void Web_service_is_declared(string key, string value)
    {
        Assert.Matches(new Regex($@"(?m)^\s+{key}:\s*{Regex.Escape(value)}\s*$"), AzureYaml);
    }

    [Fact]
    public void Web_predeploy_hooks_exist_relative_to_the_console_project()
    {
        var scripts = Regex.Matches(AzureYaml, @"(?m)^\s+run:\s*(\.\./\.\./\S+)\s*$").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(2, scripts.Count);
        Assert.All(scripts, s => Assert.True(File.Exists(RepositoryRoot.Combine(["src", "Tenancy.Console", .. s.Split('/')])), s));
    }

    [Fact]
    public void Web_predeploy_hook_reads_only_the_api_uri_output()
    {
        var script = RepositoryRoot.ReadAllText("infra", "hooks", "web-predeploy.sh");
        var read = Regex.Matches(script, @"\$\{([A-Z][A-Z0-9_]+)").Select(m => m.Groups[1].Value).Distinct();

        Assert.Equal(["SERVICE_API_URI"], read);
        Assert.Contains("SERVICE_API_URI", MainTemplate.OutputNames);
    }

    [Fact]
    public void Static_web_app_is_tagged_for_the_web_service()
    {
        var site = MainTemplate.AllObjects().Single(o => (string?)o["type"] == "Microsoft.Web/staticSites");

        Assert.Contains("'azd-service-name', parameters('serviceName')", (string?)site["tags"]);
        Assert.Equal("web", (string?)MainTemplate.ModuleParameters("web")["serviceName"]!["value"]);
    }

    [Fact]
    public void Function_app_allows_only_the_console_origin()
    {
        var origins = MainTemplate.ModuleParameters("api")["allowedOrigins"]!["value"]!.AsArray().Select(o => (string?)o);
        var cors = MainTemplate.AllObjects().Single(o => o.ContainsKey("cors"))["cors"]!;

        Assert.Matches(@"^\[reference\(.*'web'\), '[0-9-]+'\)\.outputs\.uri\.value\]$", Assert.Single(origins));
        Assert.Equal("[parameters('allowedOrigins')]", (string?)cors["allowedOrigins"]);
        Assert.False((bool)cors["supportCredentials"]!);
    }
}

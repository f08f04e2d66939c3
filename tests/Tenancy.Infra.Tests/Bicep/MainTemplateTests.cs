using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tenancy.Infra.Tests.Support;

namespace Tenancy.Infra.Tests.Bicep;

public class MainTemplateTests
{
    private static JsonObject ParametersFile =>
        JsonNode.Parse(RepositoryRoot.ReadAllText("infra", "main.parameters.json"))!["parameters"]!.AsObject();

    private static JsonObject Queue(string name) =>
        MainTemplate.ModuleParameters("serviceBus")["queues"]!["value"]!.AsArray()
            .Select(q => q!.AsObject())
            .Single(q => MainTemplate.Resolve(q["name"]) == name)["properties"]!.AsObject();

    // App settings that hold references compile to createObject('NAME', ...) rather than to a JSON
    // property, so look for the name as a quoted token anywhere in the compiled template.
    private static bool NamesSetting(string setting) =>
        Regex.IsMatch(MainTemplate.Build.StandardOutput, $@"[""']{Regex.Escape(setting)}[""']");

    [Fact]
    public void The_function_app_trusts_the_authority_and_audience_azd_passes_for_sign_in()
    {
        Assert.True(NamesSetting("TENANCY_IDENTITY__Issuers__0__Authority"));
        Assert.True(NamesSetting("TENANCY_IDENTITY__Issuers__0__Audience"));
        Assert.Equal("${TENANCY_IDENTITY_AUTHORITY}", (string?)ParametersFile["identityAuthority"]!["value"]);
        Assert.Equal("${TENANCY_IDENTITY_AUDIENCE}", (string?)ParametersFile["identityAudience"]!["value"]);
    }

    [Fact]
    public void Parameters_file_sets_only_declared_parameters()
    {
        var undeclared = ParametersFile.Select(p => p.Key).Except(MainTemplate.ParameterNames);

        Assert.Empty(undeclared);
    }

    [Fact]
    public void Parameters_file_sets_every_required_parameter()
    {
        var missing = MainTemplate.RequiredParameterNames.Except(ParametersFile.Select(p => p.Key));

        Assert.Empty(missing);
    }

    // Values azd itself puts in the environment, and the hook's optional overrides.
    private static readonly string[] NotFromOutputs =
    [
        "AZURE_SUBSCRIPTION_ID",
        "IMPORT_BLOB_FUNCTION_NAME",
        "TENANT_IMPORTS_EVENT_SUBSCRIPTION_NAME",
    ];

    [Theory]
    [InlineData("postdeploy.sh", @"\$\{([A-Z][A-Z0-9_]+)")]
    [InlineData("postdeploy.ps1", @"\$env:([A-Z][A-Z0-9_]+)|'([A-Z][A-Z0-9_]+)'")]
    public void Postdeploy_hook_reads_only_values_the_deployment_outputs(string script, string variablePattern)
    {
        var text = RepositoryRoot.ReadAllText("infra", "hooks", script);
        var used = Regex.Matches(text, variablePattern)
            .Select(m => m.Groups.Values.Skip(1).First(g => g.Success).Value)
            .Distinct();

        var unknown = used.Except(MainTemplate.OutputNames).Except(NotFromOutputs);

        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential")]
    [InlineData("AzureWebJobsStorage__clientId")]
    [InlineData("AzureWebJobsStorage__blobServiceUri")]
    [InlineData("AzureWebJobsStorage__queueServiceUri")]
    [InlineData("AzureWebJobsStorage__tableServiceUri")]
    [InlineData("TENANCY_STORAGE__credential")]
    [InlineData("TENANCY_STORAGE__clientId")]
    [InlineData("TENANCY_STORAGE__blobServiceUri")]
    [InlineData("TENANCY_STORAGE__queueServiceUri")]
    [InlineData("TENANCY_STORAGE__tableServiceUri")]
    [InlineData("ServiceBusConnection__fullyQualifiedNamespace")]
    [InlineData("ServiceBusConnection__credential")]
    [InlineData("ServiceBusConnection__clientId")]
    [InlineData("APPLICATIONINSIGHTS_AUTHENTICATION_STRING")]
    public void Function_app_gets_identity_based_setting(string setting)
    {
        Assert.True(NamesSetting(setting), setting);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("TENANCY_STORAGE")]
    [InlineData("ServiceBusConnection")]
    [InlineData("APPINSIGHTS_INSTRUMENTATIONKEY")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    public void Function_app_gets_no_connection_string_setting(string setting)
    {
        Assert.False(NamesSetting(setting), setting);
    }

    [Theory]
    [InlineData("tenant-import-chunks")]
    [InlineData("incoming-tickets")]
    [InlineData("ticket-assignments")]
    public void Message_queue_dead_letters_expired_messages(string queue)
    {
        Assert.Equal(true, (bool?)Queue(queue)["deadLetteringOnMessageExpiration"]);
    }

    [Fact]
    public void Import_chunk_queue_drops_duplicate_message_ids()
    {
        var chunks = Queue("tenant-import-chunks");

        Assert.Equal(true, (bool?)chunks["requiresDuplicateDetection"]);
        Assert.False(string.IsNullOrEmpty((string?)chunks["duplicateDetectionHistoryTimeWindow"]));
    }

    [Theory]
    [InlineData("tenant-import-chunks", 10)]
    [InlineData("incoming-tickets", 5)]
    public void Message_queue_bounds_redelivery(string queue, int maxDeliveryCount)
    {
        Assert.Equal(maxDeliveryCount, (int?)Queue(queue)["maxDeliveryCount"]);
    }

    [Theory]
    [InlineData("allowSharedKeyAccess", false)]
    [InlineData("disableLocalAuth", true)]
    [InlineData("DisableLocalAuth", true)]
    public void Local_authentication_is_switched_off(string property, bool expected)
    {
        var values = MainTemplate.AllObjects()
            .Where(o => o.ContainsKey(property) && o[property] is JsonValue)
            .Select(o => o[property]!.GetValue<bool>())
            .ToList();

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Equal(expected, v));
    }

    [Fact]
    public void Role_assignments_are_named_from_scope_principal_and_role()
    {
        var names = MainTemplate.AllObjects()
            .Where(o => (string?)o["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(o => (string?)o["name"])
            .ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.StartsWith("[guid(", n));
    }
}

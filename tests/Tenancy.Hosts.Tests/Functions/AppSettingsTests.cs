using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Functions;
using Tenancy.Hosts.Tests.Support;
using Tenancy.Local;
using Tenancy.Hosting;
using Tenancy.Storage.Setup;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>The app settings infra/app/api.bicep gives the Function App are the ones the code reads.</summary>
public class AppSettingsTests
{
    private static string ApiBicep => RepositoryRoot.ReadAllText("infra", "app", "api.bicep");

    /// <summary>The setting names under a prefix, e.g. <c>TENANCY_STORAGE__tableServiceUri</c> gives <c>tableServiceUri</c>.</summary>
    private static IReadOnlyList<string> SettingsUnder(string prefix) =>
        Regex.Matches(ApiBicep, $@"^\s*{prefix}__(?<key>\w+)\s*:", RegexOptions.Multiline).Select(m => m.Groups["key"].Value).ToList();

    /// <summary>Each trigger's connection name: from the generated metadata, and for the Service Bus triggers (not built here) from their source.</summary>
    public static TheoryData<string, string> TriggerConnections()
    {
        var data = new TheoryData<string, string>();
        foreach (var function in FunctionsMetadata.All.Where(f => f.Get("connection") is not null))
            data.Add(function.Name, function.Get("connection")!);
        foreach (var function in ServiceBusSource.Functions)
        {
            Assert.Equal("ServiceBusMessageSender.ConnectionName",
                ServiceBusSource.NamedArgument(function.AttributeArguments("ServiceBusTrigger")!, "Connection"));
            data.Add(function.Name, ServiceBusMessageSender.ConnectionName);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TriggerConnections))]
    public void Trigger_connection_has_identity_settings(string function, string connection)
    {
        var settings = SettingsUnder(connection);

        Assert.True(settings.Contains("credential"),
            $"{function} uses Connection = \"{connection}\", but infra/app/api.bicep sets no {connection}__credential (found: {string.Join(", ", settings)}).");
        Assert.True(settings.Any(s => s is "fullyQualifiedNamespace" or "blobServiceUri"),
            $"{function} uses Connection = \"{connection}\", but infra/app/api.bicep gives it no endpoint (__fullyQualifiedNamespace or __blobServiceUri).");
    }

    [Fact]
    public void Storage_settings_name_storage_options_properties()
    {
        // 'credential' is for the blob trigger's connection; StorageOptions takes the client id instead.
        var properties = typeof(StorageOptions).GetProperties().Select(p => p.Name);

        var unknown = SettingsUnder(StorageOptions.Section).Where(k => k != "credential")
            .Where(k => !properties.Contains(k, StringComparer.OrdinalIgnoreCase))
            .ToList();

        Assert.True(unknown.Count == 0,
            $"infra/app/api.bicep sets {string.Join(", ", unknown.Select(k => $"{StorageOptions.Section}__{k}"))}, which StorageOptions does not read.");
    }

    [Fact]
    public void Storage_settings_reach_add_tenancy()
    {
        // As the Functions host reads them: environment variables, '__' standing for ':'.
        var values = SettingsUnder(StorageOptions.Section).ToDictionary(
            k => $"{StorageOptions.Section}:{k}",
            k => k.EndsWith("ServiceUri", StringComparison.Ordinal) ? $"https://account.{k[..^"ServiceUri".Length]}.core.windows.net/" : "value");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values!).Build();

        var storage = new ServiceCollection().AddTenancy(configuration).BuildServiceProvider().GetRequiredService<StorageOptions>();

        var unset = new (string Setting, bool IsSet)[]
            {
                ("tableServiceUri", storage.TableServiceUri is not null),
                ("blobServiceUri", storage.BlobServiceUri is not null),
                ("queueServiceUri", storage.QueueServiceUri is not null),
                ("clientId", !string.IsNullOrEmpty(storage.ClientId)),
            }
            .Where(s => !s.IsSet).Select(s => $"{StorageOptions.Section}__{s.Setting}").ToList();
        Assert.True(unset.Count == 0, $"infra/app/api.bicep does not give AddTenancy {string.Join(", ", unset)}.");
        Assert.True(storage.ConnectionString is null, $"infra/app/api.bicep sets {StorageOptions.Section}__ConnectionString: no keys in app settings.");
    }
}

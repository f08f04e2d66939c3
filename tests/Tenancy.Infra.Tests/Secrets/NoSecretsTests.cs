using Tenancy.Infra.Tests.Support;

namespace Tenancy.Infra.Tests.Secrets;

public class NoSecretsTests
{
    // The postdeploy hooks are left out on purpose: they read the blobs_extension key at deploy
    // time and hand it to Event Grid; it is never written to these files.
    public static TheoryData<string> DeploymentFiles()
    {
        var infra = RepositoryRoot.Combine("infra");
        var files = Directory.EnumerateFiles(infra, "*.bicep", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(infra, "*.json", SearchOption.TopDirectoryOnly))
            .Append(RepositoryRoot.Combine("azure.yaml"))
            .Append(RepositoryRoot.Combine("host.json"))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(DeploymentFiles))]
    public void Deployment_file_holds_no_secret(string file)
    {
        var findings = SecretPatterns.Find(RepositoryRoot.ReadAllText(file));

        Assert.Empty(findings);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey=abc=='")]
    [InlineData("Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=abc=")]
    [InlineData("value: storage.listKeys().keys[0].value")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000'")]
    [InlineData("https://x.blob.core.windows.net/c?sv=2022-11-02&sig=abc")]
    [InlineData("administratorLoginPassword: 'hunter2'")]
    public void Scanner_flags_a_written_down_secret(string text)
    {
        Assert.NotEmpty(SecretPatterns.Find(text));
    }

    [Theory]
    [InlineData("AzureWebJobsStorage__credential: 'managedidentity'")]
    [InlineData("APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString")]
    [InlineData("ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace")]
    public void Scanner_accepts_identity_based_settings(string text)
    {
        Assert.Empty(SecretPatterns.Find(text));
    }
}

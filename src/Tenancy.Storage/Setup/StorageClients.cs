using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Tenancy.Storage.Setup;

/// <summary>
/// The Table, Blob and Queue service clients: from the local connection string, or from the service URIs with a
/// managed identity in Azure. Every client gets the app's one transient-fault policy (<see cref="ConfigureRetries"/>).
/// </summary>
public static class StorageClients
{
    /// <param name="retry">Changes to the app's retry policy, for a client with another job (the health probe).</param>
    public static TableServiceClient Tables(StorageOptions storage, Action<RetryOptions>? retry = null) => Create(storage, storage.TableServiceUri, nameof(StorageOptions.TableServiceUri),
        cs => new TableServiceClient(cs, Retrying(new TableClientOptions(), retry)),
        (uri, credential) => new TableServiceClient(uri, credential, Retrying(new TableClientOptions(), retry)));

    public static BlobServiceClient Blobs(StorageOptions storage) => Create(storage, storage.BlobServiceUri, nameof(StorageOptions.BlobServiceUri),
        cs => new BlobServiceClient(cs, Retrying(new BlobClientOptions())),
        (uri, credential) => new BlobServiceClient(uri, credential, Retrying(new BlobClientOptions())));

    public static QueueServiceClient Queues(StorageOptions storage) => Create(storage, storage.QueueServiceUri, nameof(StorageOptions.QueueServiceUri),
        cs => new QueueServiceClient(cs, Retrying(new QueueClientOptions())),
        (uri, credential) => new QueueServiceClient(uri, credential, Retrying(new QueueClientOptions())));

    /// <summary>The SDK's own retry policy: exponential back-off on throttling and transient faults.</summary>
    public static void ConfigureRetries(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 5;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(10);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    public static TokenCredential Credential(StorageOptions storage) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = storage.ClientId });

    private static T Create<T>(StorageOptions storage, Uri? serviceUri, string uriSetting, Func<string, T> fromConnectionString, Func<Uri, TokenCredential, T> fromUri) =>
        !string.IsNullOrEmpty(storage.ConnectionString) ? fromConnectionString(storage.ConnectionString)
        : serviceUri is not null ? fromUri(serviceUri, Credential(storage))
        : throw new InvalidOperationException($"Set {StorageOptions.Section}:ConnectionString or {StorageOptions.Section}:{uriSetting}.");

    private static T Retrying<T>(T options, Action<RetryOptions>? change = null) where T : ClientOptions
    {
        ConfigureRetries(options.Retry);
        change?.Invoke(options.Retry);
        return options;
    }
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Core.Contacts;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Domains;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Queues;
using Tenancy.Storage.Tickets;
using Azure.Storage.Queues;
using Azure.Storage.Blobs;
using Tenancy.Core.Imports;
using Tenancy.Excel;
using Tenancy.Storage.Imports;
using Tenancy.Storage.DeviceGroups;
using Tenancy.Core.Tenants;
using Tenancy.Storage.Accounts;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;

namespace Tenancy.Http.Hosting;

/// <summary>The services both hosts register, in one place.</summary>
public static class TenancyServices
{
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => TableService(storage));
        services.AddSingleton<TenancyTables>();
        services.AddSingleton<TableInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<TableInitializer>());
        services.AddSingleton(_ => QueueService(storage));
        services.AddSingleton<TenancyQueues>();

        services.AddSingleton<IAccountStore, TableAccountStore>();
        services.AddSingleton<ITenantStore, TableTenantStore>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<TenantMutator>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<ContactService>();
        services.AddSingleton<IDeviceGroupStore, TableDeviceGroupStore>();
        services.AddSingleton<DeviceGroupService>();
        services.AddSingleton<DomainService>();
        services.AddSingleton<ITicketRoutingIndex, TableTicketRoutingIndex>();
        services.AddSingleton<ITicketAssignmentStore, TableTicketAssignmentStore>();
        services.AddSingleton<TicketRouter>();
        services.AddSingleton<RecentAccounts>();
        services.AddSingleton<TicketIntake>();
        services.AddSingleton(configuration.GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new ImportOptions());
        services.AddSingleton(_ => BlobService(storage));
        services.AddSingleton<BlobImportFileStore>();
        services.AddSingleton<IImportFileStore>(sp => sp.GetRequiredService<BlobImportFileStore>());
        services.AddSingleton<IImportJobStore, TableImportJobStore>();
        services.AddSingleton<ITemplateReader, ExcelTemplateReader>();
        services.AddSingleton<ImportProcessor>();
        services.AddSingleton<ImportService>();
        return services;
    }

    private static TableServiceClient TableService(StorageOptions storage) => Client(storage, storage.TableServiceUri, "TableServiceUri",
        cs => new TableServiceClient(cs, Retrying(new TableClientOptions())),
        (uri, credential) => new TableServiceClient(uri, credential, Retrying(new TableClientOptions())));

    private static BlobServiceClient BlobService(StorageOptions storage) => Client(storage, storage.BlobServiceUri, "BlobServiceUri",
        cs => new BlobServiceClient(cs, Retrying(new BlobClientOptions())),
        (uri, credential) => new BlobServiceClient(uri, credential, Retrying(new BlobClientOptions())));

    private static QueueServiceClient QueueService(StorageOptions storage) => Client(storage, storage.QueueServiceUri, "QueueServiceUri",
        cs => new QueueServiceClient(cs, Retrying(new QueueClientOptions())),
        (uri, credential) => new QueueServiceClient(uri, credential, Retrying(new QueueClientOptions())));

    /// <summary>A client from the local connection string, or from the service URI with a managed identity.</summary>
    private static T Client<T>(StorageOptions storage, Uri? serviceUri, string uriSetting, Func<string, T> fromConnectionString, Func<Uri, TokenCredential, T> fromUri) =>
        !string.IsNullOrEmpty(storage.ConnectionString) ? fromConnectionString(storage.ConnectionString)
        : serviceUri is not null ? fromUri(serviceUri, Credential(storage))
        : throw new InvalidOperationException($"Set {StorageOptions.Section}:ConnectionString or {StorageOptions.Section}:{uriSetting}.");

    private static T Retrying<T>(T options) where T : ClientOptions
    {
        ConfigureRetries(options.Retry);
        return options;
    }

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
}

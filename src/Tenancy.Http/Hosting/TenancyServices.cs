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

    private static TableServiceClient TableService(StorageOptions storage)
    {
        var options = new TableClientOptions();
        ConfigureRetries(options.Retry);
        if (!string.IsNullOrEmpty(storage.ConnectionString))
            return new TableServiceClient(storage.ConnectionString, options);
        return new TableServiceClient(storage.TableServiceUri
            ?? throw new InvalidOperationException($"Set {StorageOptions.Section}:ConnectionString or {StorageOptions.Section}:TableServiceUri."),
            Credential(storage), options);
    }

    private static BlobServiceClient BlobService(StorageOptions storage)
    {
        var options = new BlobClientOptions();
        ConfigureRetries(options.Retry);
        if (!string.IsNullOrEmpty(storage.ConnectionString))
            return new BlobServiceClient(storage.ConnectionString, options);
        return new BlobServiceClient(storage.BlobServiceUri
            ?? throw new InvalidOperationException($"Set {StorageOptions.Section}:ConnectionString or {StorageOptions.Section}:BlobServiceUri."),
            Credential(storage), options);
    }

    private static QueueServiceClient QueueService(StorageOptions storage)
    {
        var options = new QueueClientOptions();
        ConfigureRetries(options.Retry);
        if (!string.IsNullOrEmpty(storage.ConnectionString))
            return new QueueServiceClient(storage.ConnectionString, options);
        return new QueueServiceClient(storage.QueueServiceUri
            ?? throw new InvalidOperationException($"Set {StorageOptions.Section}:ConnectionString or {StorageOptions.Section}:QueueServiceUri."),
            Credential(storage), options);
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

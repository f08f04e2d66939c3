using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Accounts;
using Tenancy.Storage.Audit;
using Tenancy.Storage.DeviceGroups;
using Tenancy.Storage.Imports;
using Tenancy.Storage.Queues;
using Tenancy.Storage.Tables;
using Tenancy.Storage.Tenants;
using Tenancy.Storage.Tickets;

namespace Tenancy.Storage.Setup;

/// <summary>Registers the Azure Storage adapters of the core's ports (section <c>TENANCY_STORAGE</c>).</summary>
public static class StorageServices
{
    public static IServiceCollection AddAzureStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);
        services.AddSingleton(_ => StorageClients.Tables(storage));
        services.AddSingleton(_ => StorageClients.Blobs(storage));
        services.AddSingleton(_ => StorageClients.Queues(storage));
        services.AddSingleton<TenancyTables>();
        services.AddSingleton<TenancyQueues>();
        services.AddSingleton<TableInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<TableInitializer>());
        services.AddSingleton<IStorageFaults, StorageFaults>();
        services.AddSingleton<IStorageProbe, StorageProbe>();

        services.AddSingleton<IAccountStore, TableAccountStore>();
        services.AddSingleton<Core.Signatures.ISigningKeyStore, Signatures.TableSigningKeyStore>();
        services.AddSingleton<ICallerKeyCheck, TableCallerKeyCheck>();
        services.AddSingleton<ITenantStore, TableTenantStore>();
        services.AddSingleton<ITenantExportSource, TableTenantExportSource>();
        services.AddSingleton<IDeviceGroupStore, TableDeviceGroupStore>();
        services.AddSingleton<Core.Access.IAccessStore, Access.TableAccessStore>();
        services.AddSingleton<Core.Identity.IIdentityLinkStore, Identity.TableIdentityLinkStore>();
        services.AddSingleton<ITicketRoutingIndex, TableTicketRoutingIndex>();
        services.AddSingleton<ITicketAssignmentStore, TableTicketAssignmentStore>();
        services.AddSingleton<BlobImportFileStore>();
        services.AddSingleton<IImportFileStore>(sp => sp.GetRequiredService<BlobImportFileStore>());
        services.AddSingleton<IImportJobStore, TableImportJobStore>();
        services.AddSingleton<IAuditLog, TableAuditLog>();
        services.AddSingleton<IImportLedger, TableImportLedger>();
        services.AddSingleton<Core.PersonalData.IPersonalDataStore, PersonalData.TablePersonalDataStore>();
        services.AddSingleton<Core.PersonalData.IRetentionStore, PersonalData.StorageRetention>();
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Domains;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.Core.Tickets;
using Tenancy.Excel;
using Tenancy.Http;
using Tenancy.Http.Logging;
using Tenancy.Storage.Setup;

namespace Tenancy.Hosting;

/// <summary>The one composition root: the core's use cases and every adapter, as both hosts run them.</summary>
public static class TenancyComposition
{
    public static IServiceCollection AddTenancy(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddTenancyCore(configuration)
            .AddAzureStorage(configuration)
            .AddExcel()
            .AddTenancyHttp(configuration)
            .AddLogging(logging => logging.AddPrivacyFilters());

    private static IServiceCollection AddTenancyCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<TenancyMetrics>();
        services.AddSingleton(configuration.GetSection(ImportOptions.Section).Get<ImportOptions>() ?? new ImportOptions());
        services.AddSingleton<AccountService>();
        services.AddSingleton<TenantMutator>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<ContactService>();
        services.AddSingleton<Core.PersonalData.PersonalDataService>();
        services.AddSingleton(configuration.GetSection(Core.PersonalData.RetentionOptions.Section).Get<Core.PersonalData.RetentionOptions>() ?? new Core.PersonalData.RetentionOptions());
        services.AddSingleton<Core.PersonalData.RetentionSweep>();
        services.AddSingleton<DeviceGroupService>();
        services.AddSingleton<Core.Access.AccessService>();
        services.AddSingleton<Core.Access.AgentCallers>();
        services.AddSingleton<Core.Identity.IdentityLinkService>();
        services.AddSingleton<Core.Access.GrantCleanup>();
        services.AddSingleton<TenantDeletion>();
        services.AddSingleton<Core.Signatures.SigningKeyService>();
        services.AddSingleton<DomainService>();
        services.AddSingleton<TicketRouter>();
        services.AddSingleton<RecentAccounts>();
        services.AddSingleton<TicketIntake>();
        services.AddSingleton<ImportProcessor>();
        services.AddSingleton<ImportUpserter>();
        services.AddSingleton<ImportUndo>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<Tenancy.Core.Audit.AuditService>();
        services.AddSingleton<TenantExportService>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Session;

namespace Tenancy.WebConsole;

/// <summary>The console's services, registered once for the app and for its component tests.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddConsole(this IServiceCollection services, Uri apiBase)
    {
        services.AddLocalization();
        services.AddSingleton(new ApiBase(apiBase));
        services.AddSingleton(_ => new HttpClient { BaseAddress = apiBase });
        services.AddSingleton<BrowserStorage>();
        services.AddSingleton<ConsoleSession>();
        services.AddSingleton<TenancyApi>();
        services.AddSingleton<AccessApi>();
        services.AddSingleton<BrowserFiles>();
        services.AddTransient<Tenants.TenantNames>();
        services.AddTransient<Access.AccessTargets>();
        return services;
    }
}

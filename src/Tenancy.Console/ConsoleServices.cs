using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Resources;
using Tenancy.WebConsole.Session;
using Tenancy.WebConsole.Signing;

namespace Tenancy.WebConsole;

/// <summary>The console's services, registered once for the app and for its component tests.</summary>
public static class ConsoleServices
{
    public static IServiceCollection AddConsole(this IServiceCollection services, Uri apiBase)
    {
        services.AddLocalization();
        services.AddSingleton(new ApiBase(apiBase));
        services.TryAddSingleton(TimeProvider.System);
        // Every call goes through the signing handler: an agent's sensitive requests are confirmed and signed, whichever page sends them.
        // Before it, the language handler asks for answers in the console's language.
        services.AddSingleton(sp => new HttpClient(new LanguageHandler { InnerHandler = new SignatureHandler(sp.GetRequiredService<ConsoleSession>(), sp.GetRequiredService<ConsoleSigningKey>(),
            sp.GetRequiredService<ILocalSigningKeys>(), sp.GetRequiredService<SignatureConfirmation>(), sp.GetRequiredService<IStringLocalizer<Strings>>(),
            sp.GetRequiredService<TimeProvider>()) { InnerHandler = new HttpClientHandler() } }) { BaseAddress = apiBase });
        services.AddSingleton<ConsoleSigningKey>();
        services.AddSingleton<SignatureConfirmation>();
        services.AddSingleton<ILocalSigningKeys, BrowserSigningKeys>();
        services.AddSingleton<SigningKeysApi>();
        services.AddSingleton<SigningKeyEnrolment>();
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

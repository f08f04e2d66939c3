using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Tenancy.WebConsole.Session;

/// <summary>
/// The console's language, English or French, kept in localStorage. Blazor loads a culture's resources at
/// start, so switching saves the choice and reloads the page (the key survives: it is in sessionStorage).
/// </summary>
public static class ConsoleCulture
{
    public const string StorageName = "tenancy.lang";
    public static readonly IReadOnlyList<string> Supported = ["en", "fr"];

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fr" ? "fr" : "en";

    public static async Task ApplySavedAsync(IServiceProvider services)
    {
        var saved = await services.GetRequiredService<BrowserStorage>().GetLocalAsync(StorageName);
        Apply(saved is { } s && Supported.Contains(s) ? s : "en");
    }

    public static void Apply(string lang)
    {
        var culture = CultureInfo.GetCultureInfo(lang == "fr" ? "fr-FR" : "en-US");
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}

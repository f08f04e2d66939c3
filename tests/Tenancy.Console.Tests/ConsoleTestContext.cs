using System.Globalization;
using Microsoft.Extensions.DependencyInjection;

namespace Tenancy.WebConsole.Tests;

/// <summary>The console's real services, in English, over a <see cref="StubApi"/>; browser calls are loose no-ops.</summary>
public abstract class ConsoleTestContext : BunitContext
{
    protected ConsoleTestContext()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-US");
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddConsole(new Uri("http://console.test/"));
        Services.AddSingleton(new HttpClient(Api) { BaseAddress = new Uri("http://console.test/") });
    }

    protected StubApi Api { get; } = new();
}

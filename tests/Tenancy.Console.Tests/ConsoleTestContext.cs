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
        // Waits are for a condition (an answer of the stub API rendered), not a time limit: generous on a busy machine.
        DefaultWaitTimeout = TimeSpan.FromSeconds(30);
        Services.AddConsole(new Uri("http://console.test/"));
        Services.AddSingleton(new HttpClient(Api) { BaseAddress = new Uri("http://console.test/") });
    }

    protected StubApi Api { get; } = new();
}

using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Tenancy.WebConsole;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Session;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");
builder.Services.AddConsole(ApiBase.From(builder.Configuration["ApiBaseUrl"], builder.HostEnvironment.BaseAddress));

var host = builder.Build();
await ConsoleCulture.ApplySavedAsync(host.Services);
await host.Services.GetRequiredService<ConsoleSession>().RestoreAsync();
await host.RunAsync();

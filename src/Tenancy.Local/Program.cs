using Tenancy.Local;
using Tenancy.Local.Admin;
using Tenancy.Local.DevelopmentIdentity;

if (AdminCommand.Handles(args))
    return await AdminCommand.RunAsync(args);
if (UsersCommand.Handles(args))
    return await UsersCommand.RunAsync(args);

await using var storage = await LocalStorage.OpenAsync(Console.Out);
await using var app = LocalHost.Build(storage.ConnectionString, LocalHost.Port(),
    b => b.Configuration[DevelopmentIdentityProvider.EnabledSetting] ??= "true");
await LocalHost.PrepareStorageAsync(app);
await DevelopmentAccount.EnsureAsync(app.Services, Console.Out);
if (DevelopmentIdentityProvider.IsEnabled(app.Configuration))
    await FirstDevelopmentUser.EnsureAsync(app.Services, Console.Out);
Console.WriteLine($"Tenancy console on http://127.0.0.1:{LocalHost.Port()}/ (sign in with the key above)");
Console.WriteLine($"Tenancy API on http://127.0.0.1:{LocalHost.Port()}/api (docs: /api/docs, OpenAPI: /api/openapi.json)");
await app.RunAsync();
return 0;

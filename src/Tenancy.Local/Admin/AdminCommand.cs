using System.Text.Json;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;

namespace Tenancy.Local.Admin;

/// <summary>
/// <c>accounts create --name NAME --plan msp|standard</c>: creates an account in the local storage and prints
/// <c>{"accountId":"...","apiKey":"..."}</c> on stdout (everything else goes to stderr).
/// </summary>
public static class AdminCommand
{
    public const string Usage = "usage: accounts create --name NAME --plan msp|standard";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "accounts";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1] != "create" || Option(args, "--name") is not { } name
            || !TryParsePlan(Option(args, "--plan") ?? "msp", out var plan))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await using var storage = await LocalStorage.OpenAsync(Console.Error);
        await using var app = LocalHost.Build(storage.ConnectionString, port: 0);
        await LocalHost.PrepareStorageAsync(app);
        try
        {
            var created = await app.Services.GetRequiredService<AccountService>().CreateAsync(name, plan, CancellationToken.None);
            Console.WriteLine(JsonSerializer.Serialize(new { accountId = created.Account.Id, apiKey = created.ApiKey }));
            return 0;
        }
        catch (ValidationException ex)
        {
            await Console.Error.WriteLineAsync(string.Join(" ", ex.Errors.SelectMany(e => e.Value)));
            return 2;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static bool TryParsePlan(string text, out Plan plan) =>
        Enum.TryParse(text, ignoreCase: true, out plan) && Enum.IsDefined(plan);
}

using Tenancy.Core.Accounts;
using Tenancy.Local.Azurite;

namespace Tenancy.Local.Admin;

/// <summary>On the first start, creates a development account on the MSP plan and shows its key once.</summary>
public static class DevelopmentAccount
{
    public static async Task EnsureAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        var keyFile = RepositoryRoot.Combine(".local", "dev-api-key.txt");
        var store = services.GetRequiredService<IAccountStore>();
        if ((await store.ListAsync(cancellationToken)).Count > 0)
        {
            output.WriteLine(File.Exists(keyFile)
                ? $"Development API key: {(await File.ReadAllTextAsync(keyFile, cancellationToken)).Trim()} (from {keyFile})"
                : "Accounts exist; create another with: dotnet run --project src/Tenancy.Local -- accounts create --name NAME --plan msp");
            return;
        }

        var created = await services.GetRequiredService<AccountService>().CreateAsync("Development", Plan.Msp, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        await File.WriteAllTextAsync(keyFile, created.ApiKey + Environment.NewLine, cancellationToken);
        output.WriteLine($"Created the development account {created.Account.Id} on the MSP plan.");
        output.WriteLine($"Development API key: {created.ApiKey} (also saved in {keyFile}; only its hash is stored)");
    }
}

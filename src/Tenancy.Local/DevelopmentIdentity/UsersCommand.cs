namespace Tenancy.Local.DevelopmentIdentity;

/// <summary><c>users create --email EMAIL --name NAME</c>: a person at the development identity provider; prints their password once.</summary>
public static class UsersCommand
{
    public const string Usage = "usage: users create --email EMAIL --name NAME";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "users";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2 || args[1] != "create" || Option(args, "--email") is not { } email || !email.Contains('@')
            || Option(args, "--name") is not { } name || string.IsNullOrWhiteSpace(name))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await using var storage = await LocalStorage.OpenAsync(Console.Error);
        await using var app = LocalHost.Build(storage.ConnectionString, LocalHost.Port(), b => b.Configuration[DevelopmentIdentityProvider.EnabledSetting] = "true");
        var users = app.Services.GetRequiredService<DevelopmentUsers>();
        await users.EnsureCreatedAsync();
        var password = await users.CreateAsync(email, name);
        if (password is null)
        {
            await Console.Error.WriteLineAsync($"A person with the email {email} exists already.");
            return 1;
        }

        Console.WriteLine($"Password for {email.Trim().ToLowerInvariant()}: {password} (shown once; only its hash is stored)");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

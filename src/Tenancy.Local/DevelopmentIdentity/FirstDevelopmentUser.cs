namespace Tenancy.Local.DevelopmentIdentity;

/// <summary>On the first start, creates one person at the development identity provider and shows their password once.</summary>
public static class FirstDevelopmentUser
{
    public const string Email = "dev@tenancy.local";

    public static async Task EnsureAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        var users = services.GetRequiredService<DevelopmentUsers>();
        await users.EnsureCreatedAsync(cancellationToken);
        var file = RepositoryRoot.Combine(".local", "dev-user.txt");
        if (await users.AnyAsync(cancellationToken))
        {
            output.WriteLine(File.Exists(file)
                ? $"Development sign-in: {(await File.ReadAllTextAsync(file, cancellationToken)).Trim()} (from {file})"
                : "Development sign-in: people exist; add one with: dotnet run --project src/Tenancy.Local -- users create --email EMAIL --name NAME");
            return;
        }

        var password = await users.CreateAsync(Email, "Development user", cancellationToken);
        if (password is null) return;
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, $"{Email} / {password}{Environment.NewLine}", cancellationToken);
        output.WriteLine($"Development sign-in: {Email} / {password} (also saved in {file}; only its hash is stored)");
    }
}

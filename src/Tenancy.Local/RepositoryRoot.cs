namespace Tenancy.Local;

/// <summary>
/// The repository root (the folder with Tenancy.Functions.sln), found from the working folder or the binaries: where
/// the local host keeps Azurite's package and data, and where tests find the files they check.
/// </summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "Tenancy.Functions.sln";

    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public static string ReadAllText(params string[] parts) => File.ReadAllText(Combine(parts));

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile)))
                    return dir.FullName;
        }
        throw new InvalidOperationException($"Cannot find the repository root ({SolutionFile}); run from inside the repository.");
    }
}

namespace Tenancy.Hosts.Tests.Support;

/// <summary>Locates files relative to the repository root (the folder holding Tenancy.Functions.sln).</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "Tenancy.Functions.sln";

    private static readonly Lazy<string> Root = new(Find);

    public static string Combine(params string[] parts) => Path.Combine([Root.Value, .. parts]);

    public static string ReadAllText(params string[] parts) => File.ReadAllText(Combine(parts));

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}

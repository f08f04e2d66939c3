namespace Tenancy.Local.Azurite;

/// <summary>Finds the repository root (the folder with Tenancy.Functions.sln), from the working folder or the binaries.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Tenancy.Functions.sln")))
                    return dir.FullName;
        }
        throw new InvalidOperationException("Cannot find the repository root (Tenancy.Functions.sln); run from inside the repository.");
    }
}

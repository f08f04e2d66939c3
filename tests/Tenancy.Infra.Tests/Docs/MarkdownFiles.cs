namespace Tenancy.Infra.Tests.Docs;

/// <summary>Every Markdown file of the repository, outside what builds and package installs leave behind.</summary>
public static class MarkdownFiles
{
    private static readonly HashSet<string> Skipped = ["node_modules", "bin", "obj", ".git", "TestResults", ".azurite", ".local"];

    public static IEnumerable<string> All() => Under(new DirectoryInfo(RepositoryRoot.Path));

    /// <summary>Paths relative to the repository root, with forward slashes, for test names and messages.</summary>
    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var file in All()) names.Add(Path.GetRelativePath(RepositoryRoot.Path, file).Replace('\\', '/'));
        return names;
    }

    private static IEnumerable<string> Under(DirectoryInfo directory)
    {
        foreach (var file in directory.EnumerateFiles("*.md").OrderBy(f => f.Name, StringComparer.Ordinal)) yield return file.FullName;
        foreach (var child in directory.EnumerateDirectories().Where(d => !Skipped.Contains(d.Name)).OrderBy(d => d.Name, StringComparer.Ordinal))
            foreach (var file in Under(child)) yield return file;
    }
}

using System.Text.RegularExpressions;

namespace Tenancy.Infra.Tests.Docs;

/// <summary>
/// The repository stands alone: every relative link of every Markdown file reaches a file of the repository (and a
/// heading of it, when the link names one), and no link leaves the repository for files beside it.
/// </summary>
public class MarkdownLinkTests
{
    public static TheoryData<string> Files => MarkdownFiles.Names();

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_relative_link_reaches_a_file_of_the_repository(string file) =>
        Assert.Empty(BrokenLinks(file));

    [Fact]
    public void A_link_to_a_missing_file_a_missing_heading_or_a_file_beside_the_repository_is_reported()
    {
        var directory = Directory.CreateTempSubdirectory("tenancy-markdown-").FullName;
        var docs = Directory.CreateDirectory(Path.Combine(directory, "docs")).FullName;
        File.WriteAllText(Path.Combine(docs, "here.md"), "# Here\n\n## Signing keys\n");
        var page = Path.Combine(docs, "page.md");
        File.WriteAllText(page, """
            # Page
            [fine](here.md#signing-keys), [fine too](#page), [web](https://example.org/x), `[code](nowhere.md)`
            [gone](gone.md), [no such heading](here.md#audit), [beside](../../shared/API.md)

            ```sh
            cat [not a link](also-nowhere.md)
            ```
            """);

        var broken = BrokenLinks(page, directory);

        Assert.Equal(["gone.md", "here.md#audit", "../../shared/API.md"], broken.Select(b => b.Target));
    }

    [Fact]
    public void Headings_get_the_anchors_GitHub_gives_them()
    {
        var anchors = MarkdownText.Anchors("# Tenancy\n## Run it\n## `GET /api/me` and keys\n## Run it\n```\n# not a heading\n```\n");

        Assert.Equal(["get-apime-and-keys", "run-it", "run-it-1", "tenancy"], anchors.Order(StringComparer.Ordinal));
    }

    private sealed record Broken(string Target, string Why);

    private static IReadOnlyList<Broken> BrokenLinks(string file) => BrokenLinks(RepositoryRoot.Combine(file), RepositoryRoot.Path);

    private static IReadOnlyList<Broken> BrokenLinks(string path, string root)
    {
        var broken = new List<Broken>();
        var rootWithSeparator = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        foreach (var target in MarkdownText.LinkTargets(File.ReadAllText(path)).Where(MarkdownText.IsRelative))
        {
            var hash = target.IndexOf('#');
            var pathPart = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var resolved = pathPart.Length == 0 ? path
                : Path.GetFullPath(pathPart.StartsWith('/') ? Path.Combine(root, pathPart.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(path)!, pathPart));

            if (!resolved.StartsWith(rootWithSeparator, StringComparison.Ordinal))
                broken.Add(new(target, "leaves the repository"));
            else if (!File.Exists(resolved) && !Directory.Exists(resolved))
                broken.Add(new(target, "no such file"));
            else if (anchor is { Length: > 0 } && resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                     && !MarkdownText.Anchors(File.ReadAllText(resolved)).Contains(anchor))
                broken.Add(new(target, "no such heading"));
        }
        return broken;
    }
}

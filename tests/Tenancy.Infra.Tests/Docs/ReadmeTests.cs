namespace Tenancy.Infra.Tests.Docs;

/// <summary>The README is the front door: short, and every document under docs/ can be reached from it.</summary>
public class ReadmeTests
{
    [Fact]
    public void The_README_has_at_most_200_lines()
    {
        var lines = RepositoryRoot.ReadAllText("README.md").ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Length;

        Assert.True(lines <= 200, $"README.md has {lines} lines: move detail into docs/.");
    }

    [Fact]
    public void Every_document_under_docs_is_reached_from_the_README()
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([RepositoryRoot.Combine("README.md")]);
        while (pending.TryDequeue(out var file))
        {
            if (!reached.Add(Path.GetFullPath(file))) continue;
            foreach (var target in MarkdownText.LinkTargets(File.ReadAllText(file)).Where(MarkdownText.IsRelative))
            {
                var path = Uri.UnescapeDataString(target.Split('#')[0]);
                if (path.Length == 0) continue;
                var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
                if (File.Exists(full) && full.EndsWith(".md", StringComparison.Ordinal)) pending.Enqueue(full);
            }
        }

        var documents = Directory.EnumerateFiles(RepositoryRoot.Combine("docs"), "*.md", SearchOption.AllDirectories).Select(Path.GetFullPath);
        Assert.Empty(documents.Where(d => !reached.Contains(d)).Select(d => Path.GetRelativePath(RepositoryRoot.Path, d)));
    }
}

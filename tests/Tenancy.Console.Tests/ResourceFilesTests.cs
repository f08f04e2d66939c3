using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tenancy.WebConsole.Tests;

/// <summary>Every string the console shows is in both resource files (English and French).</summary>
public sealed partial class ResourceFilesTests
{
    private static readonly string Source = Path.Combine(FindRoot(), "src", "Tenancy.Console");

    [Fact]
    public void Every_key_the_pages_use_is_in_english_and_in_french()
    {
        var used = Directory.EnumerateFiles(Source, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
            .SelectMany(f => KeyUse().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(Keys("Strings.resx")));
        Assert.Empty(used.Except(Keys("Strings.fr.resx")));
    }

    [Fact]
    public void Every_sensitive_operation_is_named_for_the_confirmation_in_english_and_in_french()
    {
        var keys = Enum.GetValues<Tenancy.Core.Signatures.SensitiveOperation>().Select(WebConsole.Signing.SensitiveOperationNames.Key).ToList();

        Assert.Empty(keys.Except(Keys("Strings.resx")));
        Assert.Empty(keys.Except(Keys("Strings.fr.resx")));
    }

    [Fact]
    public void The_french_file_translates_every_english_string()
    {
        Assert.Equal(Keys("Strings.resx").Order(), Keys("Strings.fr.resx").Order());
    }

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Source, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tenancy.slnf"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    // L in the pages, text in the services that speak (the signing handler).
    [GeneratedRegex("""\b(?:L|text)\["([A-Za-z0-9]+)"\]""")]
    private static partial Regex KeyUse();
}

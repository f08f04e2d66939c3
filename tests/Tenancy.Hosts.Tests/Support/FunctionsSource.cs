using System.Text.RegularExpressions;

namespace Tenancy.Hosts.Tests.Support;

/// <summary>One <c>[Function("Name")]</c> in src/Tenancy.Functions: its name, file and text up to the next one.</summary>
public sealed record FunctionDeclaration(string Name, string File, string Text)
{
    /// <summary>The argument list of the binding attribute <paramref name="attribute"/> (e.g. HttpTrigger), or null.</summary>
    public string? AttributeArguments(string attribute)
    {
        var match = Regex.Match(Text, $@"\[\s*{attribute}\s*\((?<args>[^\]]*)\)\s*\]");
        return match.Success ? match.Groups["args"].Value : null;
    }

    public override string ToString() => $"{Name} ({File})";
}

/// <summary>
/// The Functions project's sources, read as text: the project needs packages the registry here lacks, so the
/// tests check what it declares instead of compiling it.
/// </summary>
public static class FunctionsSource
{
    public const string ProjectFolder = "src/Tenancy.Functions";

    private static readonly Lazy<IReadOnlyList<FunctionDeclaration>> Declarations = new(Parse);

    public static IReadOnlyList<FunctionDeclaration> Functions => Declarations.Value;

    public static IReadOnlyList<FunctionDeclaration> Named(string name) => Functions.Where(f => f.Name == name).ToList();

    /// <summary>The functions with the given trigger attribute.</summary>
    public static IReadOnlyList<FunctionDeclaration> WithTrigger(string attribute) =>
        Functions.Where(f => f.AttributeArguments(attribute) is not null).ToList();

    /// <summary>A source file of the project, without its line comments.</summary>
    public static string Read(string fileName) => WithoutLineComments(RepositoryRoot.ReadAllText(ProjectFolder, fileName));

    /// <summary>The first string literal of an attribute's arguments (a trigger's queue name or blob path).</summary>
    public static string? FirstLiteral(string arguments) =>
        Regex.Match(arguments, "^\\s*\"(?<value>[^\"]*)\"") is { Success: true } m ? m.Groups["value"].Value : null;

    /// <summary>The value of a named attribute argument, e.g. <c>Connection = "X"</c> gives <c>"X"</c> with its quotes.</summary>
    public static string? NamedArgument(string arguments, string name) =>
        Regex.Match(arguments, $@"\b{name}\s*=\s*(?<value>""[^""]*""|[\w.]+)") is { Success: true } m ? m.Groups["value"].Value : null;

    private static IReadOnlyList<FunctionDeclaration> Parse()
    {
        var folder = RepositoryRoot.Combine(ProjectFolder);
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"{ProjectFolder} is missing.");

        var functions = new List<FunctionDeclaration>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                                 && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                     .Order(StringComparer.Ordinal))
        {
            var text = WithoutLineComments(File.ReadAllText(path));
            var starts = Regex.Matches(text, @"\[\s*Function\s*\(\s*""(?<name>[^""]*)""\s*\)\s*\]");
            for (var i = 0; i < starts.Count; i++)
            {
                var end = i + 1 < starts.Count ? starts[i + 1].Index : text.Length;
                functions.Add(new FunctionDeclaration(starts[i].Groups["name"].Value, Path.GetFileName(path),
                    text[starts[i].Index..end]));
            }
        }
        return functions;
    }

    private static string WithoutLineComments(string text) => Regex.Replace(text, @"^\s*//.*$", "", RegexOptions.Multiline);
}

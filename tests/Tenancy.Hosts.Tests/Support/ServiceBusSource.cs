using System.Text.RegularExpressions;
using Tenancy.Local;

namespace Tenancy.Hosts.Tests.Support;

/// <summary>One <c>[Function("Name")]</c> of ServiceBusFunctions.cs: its name and text up to the next one.</summary>
public sealed record FunctionDeclaration(string Name, string Text)
{
    /// <summary>The argument list of the binding attribute <paramref name="attribute"/> (e.g. ServiceBusTrigger), or null.</summary>
    public string? AttributeArguments(string attribute)
    {
        var match = Regex.Match(Text, $@"\[\s*{attribute}\s*\((?<args>[^\]]*)\)\s*\]");
        return match.Success ? match.Groups["args"].Value : null;
    }

    public override string ToString() => $"{Name} ({ServiceBusSource.FileName})";
}

/// <summary>
/// The Service Bus-triggered functions, read as text: their extension package is missing here, so their one file is
/// left out of the build (ServiceBusTriggers=false) and is the only part of the Functions app checked by reading it.
/// </summary>
public static class ServiceBusSource
{
    public const string FileName = "ServiceBusFunctions.cs";

    private static readonly Lazy<IReadOnlyList<FunctionDeclaration>> Declarations = new(Parse);

    public static IReadOnlyList<FunctionDeclaration> Functions => Declarations.Value;

    /// <summary>The first argument of an attribute: a constant or a literal.</summary>
    public static string FirstArgument(string arguments) => arguments.Split(',')[0].Trim();

    /// <summary>The value of a named attribute argument, e.g. <c>Connection = X</c> gives <c>X</c>.</summary>
    public static string? NamedArgument(string arguments, string name) =>
        Regex.Match(arguments, $@"\b{name}\s*=\s*(?<value>""[^""]*""|[\w.]+)") is { Success: true } m ? m.Groups["value"].Value : null;

    private static IReadOnlyList<FunctionDeclaration> Parse()
    {
        var text = Regex.Replace(RepositoryRoot.ReadAllText("src", "Tenancy.Functions", FileName), @"^\s*//.*$", "", RegexOptions.Multiline);
        var starts = Regex.Matches(text, @"\[\s*Function\s*\(\s*""(?<name>[^""]*)""\s*\)\s*\]");
        return starts.Select((start, i) => new FunctionDeclaration(start.Groups["name"].Value,
            text[start.Index..(i + 1 < starts.Count ? starts[i + 1].Index : text.Length)])).ToList();
    }
}

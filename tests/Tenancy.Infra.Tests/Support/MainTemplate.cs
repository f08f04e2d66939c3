using System.Text.Json.Nodes;

namespace Tenancy.Infra.Tests.Support;

/// <summary>infra/main.bicep compiled once to its ARM JSON, for tests that look inside it.</summary>
public static class MainTemplate
{
    public const string BicepPath = "infra/main.bicep";

    private static readonly Lazy<BicepResult> BuildResult = new(() => BicepCli.Run("build", BicepPath, "--stdout"));

    private static readonly Lazy<JsonObject> Json = new(() =>
    {
        var result = Build;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed: {result}");
        }

        return JsonNode.Parse(result.StandardOutput)!.AsObject();
    });

    public static BicepResult Build => BuildResult.Value;

    public static JsonObject Arm => Json.Value;

    public static IEnumerable<string> ParameterNames => Arm["parameters"]!.AsObject().Select(p => p.Key);

    public static IEnumerable<string> RequiredParameterNames =>
        Arm["parameters"]!.AsObject().Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key);

    public static IEnumerable<string> OutputNames => Arm["outputs"]!.AsObject().Select(o => o.Key);

    /// <summary>The parameters main.bicep passes to one of its modules.</summary>
    public static JsonObject ModuleParameters(string moduleName) =>
        Arm["resources"]!.AsArray()
            .Select(r => r!.AsObject())
            .Single(r => (string?)r["type"] == "Microsoft.Resources/deployments" && (string?)r["name"] == moduleName)
            ["properties"]!["parameters"]!.AsObject();

    /// <summary>A string as written, or the value of a top-level variable it names ("[variables('x')]").</summary>
    public static string? Resolve(JsonNode? node)
    {
        var text = (string?)node;
        const string prefix = "[variables('";
        const string suffix = "')]";
        if (text is not null && text.StartsWith(prefix, StringComparison.Ordinal) && text.EndsWith(suffix, StringComparison.Ordinal))
        {
            return (string?)Arm["variables"]![text[prefix.Length..^suffix.Length]];
        }

        return text;
    }

    /// <summary>Every JSON object anywhere in the template (nested module templates included).</summary>
    public static IEnumerable<JsonObject> AllObjects() => Descendants(Arm);

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var descendant in Descendants(child))
                    {
                        yield return descendant;
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var descendant in Descendants(item))
                    {
                        yield return descendant;
                    }
                }

                break;
        }
    }
}

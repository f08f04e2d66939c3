using System.Text;

namespace Tenancy.Core.Domains;

/// <summary>Reads the data files under <c>Domains/Data</c> that the project embeds in the assembly.</summary>
internal static class EmbeddedData
{
    public static string ReadText(string fileName)
    {
        var name = $"Tenancy.Core.Domains.{fileName}";
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from {typeof(EmbeddedData).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

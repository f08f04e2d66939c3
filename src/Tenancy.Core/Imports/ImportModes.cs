namespace Tenancy.Core.Imports;

/// <summary>
/// How a file asks for <c>mode=upsert</c>: the upload's query parameter, or, for a blob dropped in the container, the
/// blob's metadata <c>mode=upsert</c> or a name ending in <c>.upsert.xlsx</c>. Anything else creates only.
/// </summary>
public static class ImportModes
{
    public const string MetadataKey = "mode";

    public static ImportMode FromName(string blobName) =>
        blobName.EndsWith(".upsert.xlsx", StringComparison.OrdinalIgnoreCase) ? ImportMode.Upsert : ImportMode.Create;

    public static ImportMode From(string blobName, string? metadataMode) =>
        string.Equals(metadataMode?.Trim(), "upsert", StringComparison.OrdinalIgnoreCase) ? ImportMode.Upsert : FromName(blobName);

    public static bool TryParse(string? text, out ImportMode mode)
    {
        mode = ImportMode.Create;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "create": return true;
            case "upsert": mode = ImportMode.Upsert; return true;
            default: return false;
        }
    }

    public static string Code(this ImportMode mode) => mode == ImportMode.Upsert ? "upsert" : "create";
}

namespace Tenancy.Local.Azurite;

/// <summary>
/// The repository's <c>patches/</c> to installed npm packages (patch-package's format: one git diff per package).
/// </summary>
public static class NpmPatches
{
    /// <summary>
    /// Whether each file a patch changes holds the patch's first added line: a node_modules installed before a patch
    /// existed, or with install scripts off, has the versions right but not the patch.
    /// </summary>
    public static bool Applied(string root)
    {
        var patches = Path.Combine(root, "patches");
        if (!Directory.Exists(patches)) return true;
        foreach (var patch in Directory.EnumerateFiles(patches, "*.patch"))
        {
            string? target = null;
            foreach (var line in File.ReadLines(patch))
            {
                if (line.StartsWith("+++ b/", StringComparison.Ordinal))
                    target = Path.Combine(root, line["+++ b/".Length..]);
                else if (target is not null && line.StartsWith('+') && line[1..].Trim().Length > 0)
                {
                    if (!File.Exists(target) || !File.ReadAllText(target).Contains(line[1..], StringComparison.Ordinal)) return false;
                    target = null;
                }
            }
        }
        return true;
    }
}

namespace Tenancy.Excel;

/// <summary>Limits that keep a hostile or accidental file from exhausting memory or time.</summary>
public sealed record TemplateReaderOptions
{
    public const long MiB = 1024 * 1024;

    /// <summary>The largest upload accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 10 * MiB;

    /// <summary>
    /// The most the zip's entries may expand to, together. Judged in absolute terms, not by compression ratio: an
    /// honest sheet of long repeated notes compresses a thousand times and is still small. 200,000 one-cell rows
    /// expand to 14 MiB.
    /// </summary>
    public long MaxUncompressedBytes { get; init; } = 50 * MiB;

    /// <summary>How deep XML elements may nest in any part; Excel's own parts nest about ten deep.</summary>
    public int MaxXmlDepth { get; init; } = 64;

    /// <summary>XML elements in all parts together; 200,000 rows of ten cells are about 4.2 million.</summary>
    public long MaxXmlElements { get; init; } = 5_000_000;

    /// <summary>The longest the checks before loading may take, a backstop behind the limits above.</summary>
    public TimeSpan MaxScanTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>An xlsx holds a few dozen parts; thousands means something else.</summary>
    public int MaxZipEntries { get; init; } = 1000;

    /// <summary>Data rows read at most; the tenant limit itself is enforced by the import.</summary>
    public int MaxDataRows { get; init; } = 200_000;
}

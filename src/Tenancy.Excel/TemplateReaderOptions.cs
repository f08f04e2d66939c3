namespace Tenancy.Excel;

/// <summary>Limits that keep a hostile or accidental file from exhausting memory or time.</summary>
public sealed record TemplateReaderOptions
{
    public const long MiB = 1024 * 1024;

    /// <summary>The largest upload accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 10 * MiB;

    /// <summary>The most the zip's entries may expand to, together.</summary>
    public long MaxUncompressedBytes { get; init; } = 100 * MiB;

    /// <summary>The highest expansion ratio of one entry, checked on entries larger than <see cref="RatioCheckMinBytes"/>.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    public long RatioCheckMinBytes { get; init; } = 1 * MiB;

    /// <summary>An xlsx holds a few dozen parts; thousands means something else.</summary>
    public int MaxZipEntries { get; init; } = 1000;

    /// <summary>Data rows read at most; the tenant limit itself is enforced by the import.</summary>
    public int MaxDataRows { get; init; } = 200_000;
}

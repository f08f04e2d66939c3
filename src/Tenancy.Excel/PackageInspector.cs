using System.IO.Compression;
using System.Text;
using Tenancy.Core.Imports;

namespace Tenancy.Excel;

/// <summary>
/// Checks an upload before any spreadsheet library sees it: what kind of file it really is (by content,
/// not by name) and, for a zip, that it is an xlsx that does not expand beyond the limits.
/// </summary>
internal static class PackageInspector
{
    private static ReadOnlySpan<byte> ZipSignature => "PK\u0003\u0004"u8;
    private static ReadOnlySpan<byte> EmptyZipSignature => "PK\u0005\u0006"u8;

    public static ImportFailure? Inspect(byte[] file, TemplateReaderOptions options)
    {
        if (file.Length == 0)
            return new(ImportFailure.Empty, "The file is empty (0 bytes).");

        var span = file.AsSpan();
        if (span.StartsWith(ZipSignature)) return InspectZip(file, options);
        if (span.StartsWith(EmptyZipSignature))
            return new(ImportFailure.NotXlsx, "The file is an empty zip archive, not an Excel workbook.");
        if (span.StartsWith(CompoundFile.Signature)) return CompoundFailure(span);
        return new(ImportFailure.NotXlsx, $"The file is not an Excel workbook (.xlsx): {Describe(span)}.");
    }

    private static ImportFailure CompoundFailure(ReadOnlySpan<byte> file) => CompoundFile.Identify(file) switch
    {
        CompoundFile.Kind.EncryptedOffice => new(ImportFailure.Encrypted,
            "The workbook is password-protected (encrypted), so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save and upload it again."),
        CompoundFile.Kind.LegacyExcel => new(ImportFailure.NotXlsx,
            "The file is an old-format Excel 97-2003 workbook (.xls). Open it in Excel, save it as \"Excel Workbook (*.xlsx)\" and upload it again."),
        CompoundFile.Kind.OtherOffice => new(ImportFailure.NotXlsx,
            "The file is an old-format Word or PowerPoint document, not an Excel workbook (.xlsx)."),
        _ => new(ImportFailure.NotXlsx,
            "The file is an old-format Office file (OLE compound file), not an Excel workbook (.xlsx). Save it as \"Excel Workbook (*.xlsx)\" and upload it again."),
    };

    private static string Describe(ReadOnlySpan<byte> file)
    {
        if (file.StartsWith("%PDF"u8)) return "it is a PDF document";
        if (file.StartsWith("{\\rtf"u8)) return "it is an RTF document";
        if (file.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) || file.StartsWith("GIF8"u8))
            return "it is an image";
        if (file.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "it is a gzip archive";
        if (LooksLikeText(file[..Math.Min(file.Length, 4096)]))
        {
            var start = Encoding.UTF8.GetString(file[..Math.Min(file.Length, 512)]).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
            if (start.StartsWith('<'))
                return "it is a text file with markup (XML or HTML, perhaps a web page or an Excel 2003 XML file); save it as \"Excel Workbook (*.xlsx)\"";
            return "it is a text file (perhaps CSV renamed to .xlsx); open it in Excel and save it as \"Excel Workbook (*.xlsx)\"";
        }
        return "its content is not a zip-based Office file";
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0) return false;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        try
        {
            // The head may end inside a multi-byte character: tolerate a cut at the very end.
            decoder.GetCharCount(head.Length == 4096 ? head[..^3] : head);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static ImportFailure? InspectZip(byte[] file, TemplateReaderOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            var entries = zip.Entries;
            if (entries.Count > options.MaxZipEntries)
                return Bomb($"the archive holds {entries.Count:N0} entries (at most {options.MaxZipEntries:N0} are accepted)");

            var names = entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!names.Contains("xl/workbook.xml")) return NotAWorkbook(names);

            var declared = entries.Sum(e => e.Length);
            if (declared > options.MaxUncompressedBytes)
                return Bomb($"its parts expand to {declared / TemplateReaderOptions.MiB:N0} MiB (at most {options.MaxUncompressedBytes / TemplateReaderOptions.MiB:N0} MiB are accepted)");
            return ExpandWithinLimits(entries, options);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            // NotSupportedException: a compression method .NET cannot read, which Excel does not write either.
            return Damaged();
        }
    }

    /// <summary>
    /// Sizes in a zip's directory are claims: decompress every part (into nothing) and count, so that a
    /// part that lies about its size is caught here rather than inside the spreadsheet library. XML parts are
    /// streamed within limits on depth, element count and time (<see cref="XmlPartScan"/>), and worksheets are
    /// scanned for their number of rows, so that an oversized or overly complex file is refused before it is loaded.
    /// </summary>
    private static ImportFailure? ExpandWithinLimits(IEnumerable<ZipArchiveEntry> entries, TemplateReaderOptions options)
    {
        long total = 0;
        long rows = 0;
        var scan = new XmlPartScan(options, System.Diagnostics.Stopwatch.StartNew());
        foreach (var entry in entries)
        {
            using var stream = new CountingStream(entry.Open(), entry.Length, options.MaxUncompressedBytes - total);
            try
            {
                if (IsXml(entry.FullName))
                {
                    // The exact count of data rows is checked on the sheet that is read; this only keeps a
                    // workbook far beyond the limit (all sheets together) from being loaded at all.
                    rows += scan.Scan(stream, entry.FullName, IsWorksheet(entry.FullName));
                    if (rows > options.MaxDataRows + RowSlack)
                        return new ImportFailure(ImportFailure.TooManyRows,
                            $"The workbook has more than {options.MaxDataRows:N0} rows. Split it into several files.");
                }
                stream.CopyTo(Stream.Null);
            }
            catch (XmlPartScan.LimitExceededException e)
            {
                return new ImportFailure(ImportFailure.TooComplex,
                    $"The file was refused because it is built to be slow to read: {e.Message}. Save it again from Excel, or copy its rows into a fresh template.");
            }
            catch (CountingStream.LimitExceededException e)
            {
                return Bomb(e.OverDeclaredSize
                    ? $"the part '{entry.FullName}' expands beyond the size it declares"
                    : $"its parts expand to more than {options.MaxUncompressedBytes / TemplateReaderOptions.MiB:N0} MiB");
            }
            catch (System.Xml.XmlException)
            {
                // Not well-formed: let the spreadsheet library decide, it reports the file as damaged.
                stream.CopyTo(Stream.Null);
            }
            total += stream.Count;
            if (stream.Count != entry.Length) return Damaged();
        }
        return null;
    }

    /// <summary>Room for header rows, titles and a help sheet on top of the data rows.</summary>
    private const int RowSlack = 1000;

    private static bool IsXml(string name) =>
        name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".vml", StringComparison.OrdinalIgnoreCase);

    private static bool IsWorksheet(string name) =>
        name.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
        && name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        && name.IndexOf('/', "xl/worksheets/".Length) < 0;

    private static ImportFailure NotAWorkbook(HashSet<string> names)
    {
        var what =
            names.Contains("xl/workbook.bin") ? "it is an Excel binary workbook (.xlsb); save it as \"Excel Workbook (*.xlsx)\""
            : names.Contains("mimetype") && names.Contains("content.xml") ? "it is an OpenDocument file (.ods); save it as \"Excel Workbook (*.xlsx)\""
            : names.Contains("word/document.xml") ? "it is a Word document (.docx)"
            : names.Contains("ppt/presentation.xml") ? "it is a PowerPoint presentation (.pptx)"
            : names.Contains("[Content_Types].xml") ? "it is an Office file without a workbook part (xl/workbook.xml)"
            : "it is a zip archive without a workbook part (xl/workbook.xml)";
        return new ImportFailure(ImportFailure.NotXlsx, $"The file is not an Excel workbook (.xlsx): {what}.");
    }

    private static ImportFailure Bomb(string detail) =>
        new(ImportFailure.ZipBomb, $"The file was refused because it expands far beyond its size: {detail}. A template expands to a few MiB at most.");

    private static ImportFailure Damaged() =>
        new(ImportFailure.Corrupt, "The file is damaged: it is not a complete xlsx (zip) package. It may have been cut short during the upload or copy; save it again from Excel and upload it again.");
}

using System.Diagnostics;
using System.Xml;

namespace Tenancy.Excel;

/// <summary>
/// Streams one XML part of the package before the spreadsheet library loads it, within limits on nesting depth,
/// element count and time, so that a part crafted to make the library's work grow faster than its size (thousands
/// of nested unknown elements cost the library time that grows with the square of the depth) is refused in time
/// proportional to its size. Counts a worksheet's rows that hold a value on the way.
/// </summary>
internal sealed class XmlPartScan(TemplateReaderOptions options, Stopwatch clock)
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Elements seen so far in the whole package.</summary>
    public long Elements { get; private set; }

    public sealed class LimitExceededException(string reason) : Exception(reason);

    /// <summary>Reads the part to its end; returns the rows with a value when it is a worksheet, else 0.</summary>
    public int Scan(Stream part, string partName, bool isWorksheet)
    {
        using var reader = XmlReader.Create(part, Settings);
        var rows = 0;
        var counted = true;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.Depth >= options.MaxXmlDepth)
                throw new LimitExceededException($"the part '{partName}' nests elements more than {options.MaxXmlDepth} deep (a workbook nests about ten)");
            if (++Elements > options.MaxXmlElements)
                throw new LimitExceededException($"its parts hold more than {options.MaxXmlElements:N0} XML elements");
            if ((Elements & 0xFFF) == 0 && clock.Elapsed > options.MaxScanTime)
                throw new LimitExceededException($"checking it took more than {options.MaxScanTime.TotalSeconds:N0} seconds");
            if (!isWorksheet) continue;
            switch (reader.LocalName)
            {
                case "row":
                    counted = false;
                    break;
                case "v" or "is" or "f" when !counted:
                    rows++;
                    counted = true;
                    break;
            }
        }
        return rows;
    }
}

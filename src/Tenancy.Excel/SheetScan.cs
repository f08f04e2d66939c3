using System.Xml;

namespace Tenancy.Excel;

/// <summary>Counts the rows of a worksheet part that hold a value, streaming, without loading the sheet.</summary>
internal static class SheetScan
{
    public static int RowsWithValues(Stream worksheetXml)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(worksheetXml, settings);
        var rows = 0;
        var counted = true;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
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

using System.Buffers.Binary;
using System.Text;

namespace Tenancy.Excel;

/// <summary>
/// Reads the stream names of an OLE compound file (CFB), the container of legacy .xls files and of
/// password-protected (encrypted) Office files, to tell the user which of the two they sent.
/// </summary>
internal static class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private const uint EndOfChain = 0xFFFFFFFE;
    private const int HeaderSize = 512;
    private const int DirectoryEntrySize = 128;

    public enum Kind { EncryptedOffice, LegacyExcel, OtherOffice, Unknown }

    public static Kind Identify(ReadOnlySpan<byte> file)
    {
        var names = StreamNames(file);
        if (names.Count == 0)
        {
            // A damaged directory: fall back to looking for the stream name itself.
            return Contains(file, "EncryptedPackage") ? Kind.EncryptedOffice : Kind.Unknown;
        }
        if (names.Contains("EncryptedPackage") || names.Contains("EncryptionInfo")) return Kind.EncryptedOffice;
        if (names.Contains("Workbook") || names.Contains("Book")) return Kind.LegacyExcel;
        if (names.Contains("WordDocument") || names.Contains("PowerPoint Document")) return Kind.OtherOffice;
        return Kind.Unknown;
    }

    /// <summary>The names in the directory; empty if the file is not a well-formed compound file.</summary>
    internal static HashSet<string> StreamNames(ReadOnlySpan<byte> file)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (file.Length < HeaderSize || !file.StartsWith(Signature)) return names;

        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(file[0x1E..]);
        if (sectorShift is not (9 or 12)) return names;
        var sectorSize = 1 << sectorShift;
        var fatSectorCount = BinaryPrimitives.ReadUInt32LittleEndian(file[0x2C..]);
        var directorySector = BinaryPrimitives.ReadUInt32LittleEndian(file[0x30..]);

        // The first 109 FAT sectors are listed in the header: plenty for the directory of a small file.
        var fat = new List<uint>();
        for (var i = 0; i < Math.Min(fatSectorCount, 109u); i++)
        {
            var fatSector = BinaryPrimitives.ReadUInt32LittleEndian(file[(0x4C + i * 4)..]);
            if (!TrySector(file, fatSector, sectorSize, out var sector)) return names;
            for (var j = 0; j + 4 <= sector.Length; j += 4)
                fat.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector[j..]));
        }

        var current = directorySector;
        for (var visited = 0; current != EndOfChain && visited < 10_000; visited++)
        {
            if (!TrySector(file, current, sectorSize, out var sector)) break;
            for (var offset = 0; offset + DirectoryEntrySize <= sector.Length; offset += DirectoryEntrySize)
            {
                var entry = sector.Slice(offset, DirectoryEntrySize);
                var nameBytes = BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]);
                var type = entry[0x42];
                if (type == 0 || nameBytes is < 2 or > 64) continue;
                names.Add(Encoding.Unicode.GetString(entry[..(nameBytes - 2)]));
            }
            current = current < fat.Count ? fat[(int)current] : EndOfChain;
        }
        return names;
    }

    private static bool TrySector(ReadOnlySpan<byte> file, uint index, int sectorSize, out ReadOnlySpan<byte> sector)
    {
        var start = ((long)index + 1) * sectorSize;
        if (index >= 0xFFFFFFFA || start + sectorSize > file.Length)
        {
            sector = default;
            return false;
        }
        sector = file.Slice((int)start, sectorSize);
        return true;
    }

    private static bool Contains(ReadOnlySpan<byte> file, string name) =>
        file.IndexOf(Encoding.Unicode.GetBytes(name)) >= 0;
}

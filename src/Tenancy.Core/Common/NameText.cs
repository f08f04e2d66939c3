using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Tenancy.Core.Common;

/// <summary>
/// How names are compared (tenant uniqueness, search, import grouping), so that names a person cannot tell apart are
/// one name: "Acme Corp" with a zero-width space, a BOM, a soft hyphen, an LRM, fullwidth letters, a Kelvin sign or a
/// Cyrillic "а" is still "acme corp".
/// </summary>
public static class NameText
{
    private static readonly Lazy<FrozenDictionary<int, string>> LookAlikes = new(ReadLookAlikes, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Removes the characters that show nothing: Unicode's Default_Ignorable_Code_Point set (zero-width space and
    /// joiners, BOM, soft hyphen, word joiner, variation selectors, U+180E…), which holds every bidi control (LRM,
    /// RLM, ALM, LRE…RLO, LRI…PDI). What is left is what a person sees, and is what we store.
    /// </summary>
    public static string StripInvisible(string value)
    {
        if (!value.EnumerateRunes().Any(IsInvisible)) return value;
        var builder = new StringBuilder(value.Length);
        foreach (var rune in value.EnumerateRunes())
            if (!IsInvisible(rune)) builder.Append(rune.ToString());
        return builder.ToString();
    }

    /// <summary>
    /// The comparison form: invisible characters removed, NFKC (fullwidth letters, ligatures, the Kelvin sign and
    /// other compatibility forms become their plain letters), lower case, then each remaining look-alike of an ASCII
    /// letter or digit (Cyrillic "о", Greek "ο"…) replaced by it, from Unicode's confusables data.
    /// </summary>
    public static string Fold(string value)
    {
        var lower = StripInvisible(value).Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(lower.Length);
        foreach (var rune in lower.EnumerateRunes())
        {
            if (rune.IsAscii) builder.Append((char)rune.Value);
            else if (LookAlikes.Value.TryGetValue(rune.Value, out var ascii)) builder.Append(ascii);
            else builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    // DerivedCoreProperties.txt (Unicode 15.1), Default_Ignorable_Code_Point.
    private static bool IsInvisible(Rune rune) => rune.Value switch
    {
        0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x3164 or 0xFEFF or 0xFFA0 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0x200B and <= 0x200F => true,
        >= 0x202A and <= 0x202E => true,
        >= 0x2060 and <= 0x206F => true,
        >= 0xFE00 and <= 0xFE0F => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0x1BCA0 and <= 0x1BCA3 => true,
        >= 0x1D173 and <= 0x1D17A => true,
        >= 0xE0000 and <= 0xE0FFF => true,
        _ => false,
    };

    private static FrozenDictionary<int, string> ReadLookAlikes()
    {
        const string name = "Tenancy.Core.Common.confusables_ascii.txt";
        using var stream = typeof(NameText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            var data = line.Split('#', 2)[0];
            var parts = data.Split(';');
            if (parts.Length != 2) continue;
            map[int.Parse(parts[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = parts[1].Trim().ToLowerInvariant();
        }
        return map.ToFrozenDictionary();
    }
}

using Azure.Data.Tables;

namespace Tenancy.Storage.Tables;

/// <summary>
/// A text longer than one property may hold (32K UTF-16 characters), stored across properties <c>{name}</c>,
/// <c>{name}1</c>, <c>{name}2</c>… of one entity. <see cref="MaxChars"/> keeps the entity under its 1 MiB.
/// </summary>
internal static class LongText
{
    private const int PartChars = 30_000;
    private const int MaxParts = 15;

    public const int MaxChars = PartChars * MaxParts;

    public static void Write(TableEntity entity, string name, string text)
    {
        if (text.Length > MaxChars)
            throw new ArgumentException($"{text.Length} characters do not fit one entity (at most {MaxChars}).", nameof(text));
        for (var part = 0; part == 0 || part * PartChars < text.Length; part++)
            entity[part == 0 ? name : name + part] = text.Substring(part * PartChars, Math.Min(PartChars, text.Length - part * PartChars));
    }

    public static string? Read(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || first.Length < PartChars) return first;
        var parts = new System.Text.StringBuilder(first);
        for (var part = 1; entity.GetString(name + part) is { } next; part++) parts.Append(next);
        return parts.ToString();
    }
}

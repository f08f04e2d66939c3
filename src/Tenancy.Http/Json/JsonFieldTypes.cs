using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tenancy.Http.Json;

/// <summary>
/// The declared type of the field a JSON path names in a body type (<c>$.contacts[0].email</c> in a tenant body is a
/// string), and how a 400 says what that field expects.
/// </summary>
public static class JsonFieldTypes
{
    /// <summary>The field's type, or null when the path names no field (the body itself, or a path it does not have).</summary>
    public static Type? Find(Type bodyType, string? path, JsonSerializerOptions options)
    {
        if (path is null) return null;
        var names = path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0) return null;
        var type = bodyType;
        foreach (var segment in names)
        {
            var bracket = segment.IndexOf('[');
            var name = bracket >= 0 ? segment[..bracket] : segment;
            var property = options.GetTypeInfo(type).Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null) return null;
            type = property.PropertyType;
            for (var indexes = bracket < 0 ? 0 : segment.Count(c => c == '['); indexes > 0; indexes--)
                type = ElementType(type) ?? type;
        }
        return type;
    }

    public static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "Expected a string (of valid Unicode text: no lone surrogate).";
        if (type == typeof(bool)) return "Expected a boolean (true or false, without quotes).";
        if (type == typeof(int) || type == typeof(long)) return "Expected a whole number.";
        if (type.IsEnum) return "Expected one of the listed values, as a string.";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "Expected a date and time (RFC 3339).";
        if (ElementType(type) is { } element) return $"Expected an array of {Noun(element)}.";
        return "Expected an object.";
    }

    private static string Noun(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "strings" : type == typeof(bool) ? "booleans" : type == typeof(int) || type == typeof(long) ? "whole numbers" : "objects";
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && type != typeof(string) ? element
        : null;
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Tenancy.Core.Common;
using Tenancy.Http.Problems;

namespace Tenancy.Http.Json;

/// <summary>Reads a JSON request body, turning every way it can be wrong into a clear 400, 413 or 415.</summary>
public static partial class JsonBody
{
    public const int MaxBytes = 256 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (!IsJson(request.ContentType))
            throw new HttpProblemException(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type",
                "Unsupported media type.", "Send the body as application/json.");
        if (request.ContentLength > MaxBytes)
            throw TooLarge();

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            throw ValidationException.For("", "The request body is empty; a JSON object is expected.");

        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), TenancyJson.Options)
                   ?? throw ValidationException.For("", "A JSON object is expected, not null.");
        }
        catch (JsonException ex) when (UnknownMember().IsMatch(ex.Message) || DuplicateMember().IsMatch(ex.Message))
        {
            throw new ValidationException(new Dictionary<string, string[]> { [FieldOf(ex)] = [Explain(ex)] });
        }
        catch (JsonException ex) when ((TargetType().IsMatch(ex.Message) || ex.InnerException is InvalidOperationException)
                                       && JsonFieldTypes.Find(typeof(T), ex.Path, TenancyJson.Options) is { } expected)
        {
            // The serializer names the type it was building, often the body's own record: the field's declared type says what was expected.
            throw new ValidationException(new Dictionary<string, string[]> { [FieldOf(ex)] = [JsonFieldTypes.Expected(expected)] });
        }
        catch (JsonException ex) when (TargetType().IsMatch(ex.Message))
        {
            throw new ValidationException(new Dictionary<string, string[]> { [FieldOf(ex)] = [Explain(ex)] });
        }
        catch (JsonException ex)
        {
            throw ValidationException.For("", $"The body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
                                    || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static HttpProblemException TooLarge() => new(StatusCodes.Status413PayloadTooLarge, "payload-too-large",
        "The request body is too large.", $"A JSON body can be at most {MaxBytes / 1024} KiB.");

    private static string FieldOf(JsonException ex)
    {
        var unknown = UnknownMember().Match(ex.Message);
        var path = (ex.Path ?? "$").TrimStart('$').TrimStart('.');
        var member = unknown.Groups[1].Value;
        if (unknown.Success && !path.EndsWith(member, StringComparison.Ordinal))
            return path.Length == 0 ? member : $"{path}.{member}";
        return path;
    }

    private static string Explain(JsonException ex)
    {
        if (UnknownMember().IsMatch(ex.Message)) return "Unknown field.";
        if (DuplicateMember().IsMatch(ex.Message)) return "Given more than once.";
        var type = TargetType().Match(ex.Message).Groups[1].Value;
        return type switch
        {
            _ when type.Contains("String") => "Expected a string.",
            _ when type.Contains("Boolean") => "Expected true or false.",
            _ when type.Contains("Int") => "Expected a whole number.",
            _ when type.Contains("List") || type.Contains("[]") => "Expected an array.",
            _ => "Expected an object.",
        };
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("^Duplicate property '([^']*)' encountered")]
    private static partial Regex DuplicateMember();

    [GeneratedRegex(@"could not be converted to ([^\s.][^\s]*)\.")]
    private static partial Regex TargetType();
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tenancy.Core.Domains;

namespace Tenancy.Core.Tickets;

/// <summary>
/// Reads an <c>incoming-tickets</c> message body strictly. A body it refuses is malformed for good (retrying cannot
/// fix it): the consumer sets it aside with the reason. Properties the contract does not name are ignored, so the
/// pipeline can add some without breaking us.
/// </summary>
public static partial class IncomingTicketParser
{
    public const int MaxBodyBytes = 64 * 1024;
    public const int MaxIdLength = 128;

    /// <summary>Reasons are cut to this length: they travel as dead-letter metadata.</summary>
    public const int MaxReasonLength = 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    public static bool TryParse(string? body, [NotNullWhen(true)] out IncomingTicket? ticket, [NotNullWhen(false)] out string? reason) =>
        TryParse(string.IsNullOrEmpty(body) ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body), out ticket, out reason);

    /// <summary>Reads a UTF-8 body, as Service Bus hands it over.</summary>
    public static bool TryParse(ReadOnlyMemory<byte> utf8Body, [NotNullWhen(true)] out IncomingTicket? ticket, [NotNullWhen(false)] out string? reason)
    {
        ticket = null;
        if (utf8Body.IsEmpty)
        {
            reason = "The body is empty.";
            return false;
        }
        if (utf8Body.Length > MaxBodyBytes)
        {
            reason = TooLarge(utf8Body.Length);
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(utf8Body, DocumentOptions);
            return TryRead(document.RootElement, out ticket, out reason);
        }
        catch (JsonException e)
        {
            reason = NotJson(e);
            return false;
        }
    }

    private static bool TryRead(JsonElement root, [NotNullWhen(true)] out IncomingTicket? ticket, [NotNullWhen(false)] out string? reason)
    {
        ticket = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            reason = $"The body must be a JSON object, not {Describe(root.ValueKind)}.";
            return false;
        }

        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            // Two "from"s could be read one way by the pipeline and another way here.
            if (!seen.Add(property.Name))
                problems.Add($"'{DomainName.Echo(property.Name, 40)}' appears more than once.");
        }

        var accountId = ReadAccountId(root, problems);
        var ticketId = ReadTicketId(root, problems);

        var from = ReadString(root, "from", required: true, problems);
        if (from is not null && !SenderAddress.TryParse(from, out _, out var addressError))
            problems.Add($"from is not a usable email address: {addressError}");

        var subject = ReadString(root, "subject", required: false, problems);
        var receivedAt = ReadTimestamp(root, "receivedAt", problems);
        var authentication = ReadAuthentication(root, "senderAuthentication", problems);

        if (problems.Count > 0)
        {
            reason = Cut(string.Join(" ", problems));
            return false;
        }
        ticket = new IncomingTicket(accountId!, ticketId!, from!, subject, receivedAt, authentication);
        reason = null;
        return true;
    }

    private static string? ReadString(JsonElement root, string name, bool required, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) problems.Add($"{name} is missing.");
            return null;
        }
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{name} must be a string, not {Describe(value.ValueKind)}.");
            return null;
        }
        var text = value.GetString()!;
        if (required && string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{name} is empty.");
            return null;
        }
        return text;
    }

    private static string? ReadId(JsonElement root, string name, List<string> problems)
    {
        var id = ReadString(root, name, required: true, problems);
        if (id is null) return null;
        if (id.Length > MaxIdLength)
        {
            problems.Add($"{name} is longer than {MaxIdLength} characters (got {id.Length}).");
            return null;
        }
        if (id.Any(char.IsControl))
        {
            problems.Add($"{name} contains control characters.");
            return null;
        }
        return id;
    }

    // An account id that cannot exist would otherwise reach storage as a key and fail there, retried as if storage
    // were down; it is malformed for good.
    private static string? ReadAccountId(JsonElement root, List<string> problems)
    {
        var id = ReadId(root, "accountId", problems);
        if (id is null || Common.Ids.LooksValid(id)) return id;
        problems.Add($"accountId '{DomainName.Echo(id, 40)}' is not an account id (letters, digits, '_' and '-', 3 to 64 characters).");
        return null;
    }

    /// <summary>Ticket ids are the pipeline's own; they may hold anything a Table Storage key can.</summary>
    private static string? ReadTicketId(JsonElement root, List<string> problems)
    {
        var id = ReadId(root, "ticketId", problems);
        if (id is null || id.IndexOfAny(['/', '\\', '#', '?']) < 0) return id;
        problems.Add("ticketId must not contain '/', '\\', '#' or '?'.");
        return null;
    }

    private static DateTimeOffset? ReadTimestamp(JsonElement root, string name, List<string> problems)
    {
        var text = ReadString(root, name, required: false, problems);
        if (text is null) return null;
        // JSON dates without an offset would be read in the server's time zone: refuse them rather than guess.
        if (!ExplicitOffset().IsMatch(text) || !root.GetProperty(name).TryGetDateTimeOffset(out var value))
        {
            problems.Add($"{name} must be an ISO 8601 date and time with an offset, e.g. 2026-01-31T09:30:00Z (got '{DomainName.Echo(text, 40)}').");
            return null;
        }
        return value;
    }

    private static SenderAuthentication? ReadAuthentication(JsonElement root, string name, List<string> problems)
    {
        var text = ReadString(root, name, required: false, problems);
        switch (text)
        {
            case null: return null;
            case "pass": return SenderAuthentication.Pass;
            case "fail": return SenderAuthentication.Fail;
            case "none": return SenderAuthentication.None;
            default:
                problems.Add($"{name} must be \"pass\", \"fail\" or \"none\" (got '{DomainName.Echo(text, 40)}').");
                return null;
        }
    }

    private static string TooLarge(int size) =>
        string.Create(CultureInfo.InvariantCulture, $"The body is {size:N0} bytes; the limit is {MaxBodyBytes:N0}.");

    private static string NotJson(JsonException e) => Cut($"The body is not valid JSON: {e.Message}");

    private static string Cut(string reason) => DomainName.Echo(reason, MaxReasonLength);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    [GeneratedRegex(@"(?:[Zz]|[+-][0-9]{2}:?[0-9]{2})$")]
    private static partial Regex ExplicitOffset();
}

using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Tenancy.Http.Logging;

/// <summary>
/// The scopes both hosts put around a unit of work, so that every log line of it carries its ids: a request (trace id,
/// then account id), a message (account id and import or ticket id), a dropped file (account id and import id).
/// Ids only: never a key, a header, an address, a name or a subject.
/// </summary>
public static class LogScopes
{
    public const string AccountId = "AccountId";
    public const string ImportId = "ImportId";
    public const string TicketId = "TicketId";
    public const string TraceId = "TraceId";

    /// <summary>The category of the lines the hosts write about their units of work.</summary>
    public const string Category = "Tenancy";

    /// <summary>
    /// A request's scope, with its W3C trace id: the one ASP.NET's own request scope names, and part of the
    /// <c>traceId</c> a problem answer carries (<c>00-{trace id}-{span id}-01</c>).
    /// </summary>
    public static IDisposable? BeginRequest(ILogger logger, HttpContext context) =>
        logger.BeginScope(new Dictionary<string, object> { [TraceId] = Activity.Current?.TraceId.ToHexString() ?? context.TraceIdentifier });

    /// <summary>
    /// Categories whose lines would carry personal data, raised to warnings on both hosts: ASP.NET's request lines
    /// print the query string, where a routing query puts a sender's address.
    /// </summary>
    public static ILoggingBuilder AddPrivacyFilters(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

    public static IDisposable? BeginAccount(ILogger logger, string accountId) =>
        logger.BeginScope(new Dictionary<string, object> { [AccountId] = accountId });

    public static IDisposable? BeginImport(ILogger logger, string accountId, string importId) =>
        logger.BeginScope(new Dictionary<string, object> { [AccountId] = accountId, [ImportId] = importId });

    /// <summary>
    /// A scope with the ids a queue message names at its top level (<c>accountId</c>, <c>importId</c>, <c>ticketId</c>),
    /// read without trusting the rest of it; an id that is not an id's shape is left out rather than logged.
    /// </summary>
    public static IDisposable? BeginMessage(ILogger logger, string? queueName, string body)
    {
        var state = new Dictionary<string, object>();
        if (queueName is not null) state["Queue"] = queueName;
        foreach (var (name, key) in new[] { ("accountId", AccountId), ("importId", ImportId), ("ticketId", TicketId) })
        {
            if (TopLevelString(body, name) is { } value && LooksLikeId(value)) state[key] = value;
        }
        return logger.BeginScope(state);
    }

    // Ticket ids are the pipeline's own: anything printable up to 128 characters, as IncomingTicketParser accepts.
    private static bool LooksLikeId(string value) =>
        value.Length is > 0 and <= 128 && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '@');

    private static string? TopLevelString(string body, string name)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body), new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var found = reader.ValueTextEquals(name);
                reader.Read();
                if (found) return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }
}

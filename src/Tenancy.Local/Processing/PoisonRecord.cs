using System.Text.Json;

namespace Tenancy.Local.Processing;

/// <summary>
/// What the local consumer puts on a poison queue: why, where from, and the start of the original body. The reason and
/// the body are cut (<see cref="MaxReasonChars"/>, <see cref="MaxBodyChars"/>) so that the record, JSON-escaped at
/// worst six characters for one, always fits in a Storage queue message (64 KiB).
/// </summary>
public static class PoisonRecord
{
    public const int MaxBodyChars = 8 * 1024;
    public const int MaxReasonChars = 1024;

    public static string Create(string reason, string queue, string messageId, long dequeueCount, DateTimeOffset setAsideAt, string body) =>
        JsonSerializer.Serialize(new
        {
            reason = Cut(reason, MaxReasonChars), queue, messageId, dequeueCount, setAsideAt,
            bodyLength = body.Length, body = Cut(body, MaxBodyChars),
        });

    private static string Cut(string value, int max)
    {
        if (value.Length <= max) return value;
        // Never split a surrogate pair: half of one cannot be encoded.
        var end = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..end];
    }
}

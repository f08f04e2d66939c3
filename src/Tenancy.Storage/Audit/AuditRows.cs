using System.Globalization;
using Azure.Data.Tables;
using Tenancy.Core.Audit;

namespace Tenancy.Storage.Audit;

/// <summary>
/// Audit entries in the account's partition of the tenancy table: <c>U|{inverted ticks}|{entryId}</c>, so that key
/// order is newest first and a time range is a key range. A store appends <see cref="Append"/> to the transaction of the
/// change it records. It is an upsert of a key made once per attempt: the Azure SDK's resend of a transaction that did
/// commit writes the same row again rather than failing on it, and nothing ever updates an entry otherwise.
/// </summary>
public static class AuditRows
{
    public const string Prefix = "U|";

    public static string Key(AuditEntry entry) => $"{Prefix}{Digits(Inverted(entry.At))}|{entry.Id}";

    /// <summary>Keys of entries made before <paramref name="at"/> sort at or after this one (newer ones before it).</summary>
    public static string KeyBefore(DateTimeOffset at) => Prefix + Digits(Inverted(at) + 1);

    public static TableTransactionAction Append(string accountId, AuditEntry entry) =>
        new(TableTransactionActionType.UpsertReplace, Entity(accountId, entry));

    public static TableEntity Entity(string accountId, AuditEntry entry)
    {
        var row = Row(accountId, entry);
        foreach (var id in entry.AlsoUnder) row[AlsoUnderProperty(id)] = true;
        return row;
    }

    /// <summary>
    /// The property that marks an entry as found under <paramref name="id"/> too: a filter can test a property but not
    /// search a list, so each such id is a property of its own (an entry concerns a few dozen at most). Ids hold
    /// letters, digits, '_' and '-'; '-' cannot appear in a property name, so '_' is written "_u" and '-' "_h".
    /// </summary>
    public static string AlsoUnderProperty(string id) => "Also_" + id.Replace("_", "_u").Replace("-", "_h");

    private static TableEntity Row(string accountId, AuditEntry entry) => new(accountId, Key(entry))
    {
        ["Id"] = entry.Id,
        ["At"] = entry.At,
        ["ActorKind"] = entry.Actor.Kind,
        ["ActorId"] = entry.Actor.Id,
        ["ActorName"] = entry.Actor.Name,
        ["Action"] = entry.Action,
        ["TargetType"] = entry.TargetType,
        ["TargetId"] = entry.TargetId,
        ["Before"] = entry.Before,
        ["After"] = entry.After,
    };

    public static AuditEntry Read(TableEntity row) => new(
        row.GetString("Id"),
        row.GetDateTimeOffset("At") ?? default,
        new AuditActor(row.GetString("ActorKind"), row.GetString("ActorId"), row.GetString("ActorName")),
        row.GetString("Action"),
        row.GetString("TargetType"),
        row.GetString("TargetId"),
        row.GetString("Before"),
        row.GetString("After"))
    {
        AlsoUnder = row.Keys.Where(k => k.StartsWith("Also_", StringComparison.Ordinal))
            .Select(k => k[5..].Replace("_h", "-").Replace("_u", "_")).ToList(),
    };

    private static long Inverted(DateTimeOffset at) => DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks;

    private static string Digits(long value) => value.ToString("D19", CultureInfo.InvariantCulture);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Tenancy.Core.PersonalData;

namespace Tenancy.Storage.PersonalData;

/// <summary>
/// An erasure under way, in the account's partition of the tenancy table: <c>PE|{SHA-256 of the email key}</c>, so that
/// its key does not spell the address; deleted once the erasure is done.
/// </summary>
internal static class ErasureRows
{
    public const string Prefix = "PE|";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Key(string emailKey) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(emailKey)));

    public static TableEntity Entity(string accountId, ErasureRecord erasure) =>
        Write(new TableEntity(accountId, Key(erasure.Terms.EmailKey)), JsonSerializer.Serialize(erasure, Json));

    private static TableEntity Write(TableEntity row, string json)
    {
        Tables.LongText.Write(row, "Record", json);
        return row;
    }

    public static ErasureRecord Read(TableEntity row) => JsonSerializer.Deserialize<ErasureRecord>(Tables.LongText.Read(row, "Record")!, Json)!;
}

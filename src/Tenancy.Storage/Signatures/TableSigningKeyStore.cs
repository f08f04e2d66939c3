using Azure;
using Azure.Data.Tables;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Signatures;
using Tenancy.Storage.Audit;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Signatures;

/// <summary>
/// Signing keys in the account's partition of the tenancy table: <c>SK|{keyId}</c> the key (agent, public JWK,
/// fingerprint, status, approval, last use), and <c>SN|{keyId}|{nonce}</c> one row per signature accepted, inserted
/// (never upserted) so that a nonce is accepted once on every instance. Nonce rows are kept: a sensitive request is
/// rare, and the row says when the signature expired.
/// </summary>
public sealed class TableSigningKeyStore(TenancyTables tables) : ISigningKeyStore
{
    private const string KeyPrefix = "SK|";
    private const string NoncePrefix = "SN|";

    private TableClient Table => tables.Tenancy;

    public Task CreateAsync(string accountId, SigningKey key, CancellationToken cancellationToken, AuditEntry? audit = null) =>
        TableTransactions.SubmitAsync(Table, WithAudit(accountId, audit, new(TableTransactionActionType.Add, Entity(accountId, key))), cancellationToken);

    public async Task<SigningKey?> FindAsync(string accountId, string keyId, CancellationToken cancellationToken)
    {
        if (!Ids.LooksValid(keyId)) return null;
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(accountId, KeyPrefix + keyId, cancellationToken: cancellationToken);
        return row.HasValue ? Read(row.Value!) : null;
    }

    public async Task<IReadOnlyList<SigningKey>> ListForAgentAsync(string accountId, string agentId, CancellationToken cancellationToken)
    {
        var filter = $"{RowKeys.PrefixFilter(accountId, KeyPrefix)} and AgentId eq '{agentId.Replace("'", "''")}'";
        var keys = new List<SigningKey>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) keys.Add(Read(row));
        return keys;
    }

    public async Task<SigningKey> ReplaceAsync(string accountId, SigningKey key, CancellationToken cancellationToken, AuditEntry? audit = null)
    {
        try
        {
            var responses = await TableTransactions.SubmitAsync(Table,
                WithAudit(accountId, audit, new(TableTransactionActionType.UpdateReplace, Entity(accountId, key), new ETag(key.ETag))), cancellationToken);
            return key with { ETag = responses[0].Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            throw new ConcurrencyException("The signing key changed while it was being updated.");
        }
    }

    public async Task<bool> TryUseNonceAsync(string accountId, string keyId, string nonce, DateTimeOffset expires, CancellationToken cancellationToken)
    {
        try
        {
            // The nonce goes into the row key hashed: it is the signer's text, of any printable characters.
            await Table.AddEntityAsync(new TableEntity(accountId, $"{NoncePrefix}{keyId}|{Ids.Derived("n", nonce)}") { ["ExpiresAt"] = expires }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private static List<TableTransactionAction> WithAudit(string accountId, AuditEntry? audit, TableTransactionAction change) =>
        audit is null ? [change] : [change, AuditRows.Append(accountId, audit)];

    private static TableEntity Entity(string accountId, SigningKey key) => new(accountId, KeyPrefix + key.Id)
    {
        ["AgentId"] = key.AgentId,
        ["Name"] = key.Name,
        ["PublicKey"] = key.PublicKeyJwk,
        ["Fingerprint"] = key.Fingerprint,
        ["Status"] = SigningKey.StatusName(key.Status),
        ["CreatedAt"] = key.CreatedAt,
        ["ApprovedBy"] = key.ApprovedBy,
        ["ApprovedAt"] = key.ApprovedAt,
        ["LastUsedAt"] = key.LastUsedAt,
        ["RevokedAt"] = key.RevokedAt,
    };

    private static SigningKey Read(TableEntity row) => new(
        row.RowKey[KeyPrefix.Length..], row.GetString("AgentId"), row.GetString("Name"), row.GetString("PublicKey"), row.GetString("Fingerprint"),
        row.GetString("Status") switch { "approved" => SigningKeyStatus.Approved, "revoked" => SigningKeyStatus.Revoked, _ => SigningKeyStatus.Pending },
        row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, row.GetString("ApprovedBy"), row.GetDateTimeOffset("ApprovedAt"),
        row.GetDateTimeOffset("LastUsedAt"), row.GetDateTimeOffset("RevokedAt"), row.ETag.ToString());
}

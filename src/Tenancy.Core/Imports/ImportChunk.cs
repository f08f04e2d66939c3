using System.Text.Json;
using System.Text.Json.Serialization;
using Tenancy.Core.Contacts;

namespace Tenancy.Core.Imports;

/// <summary>A tenant inside a chunk: its id is derived from the import, so re-creating it is recognised.</summary>
public sealed record ImportChunkTenant(
    string TenantId, IReadOnlyList<int> Rows, string Name, string? Notes, IReadOnlyList<ContactFields> Contacts, IReadOnlyList<string> Domains);

/// <summary>
/// The <c>tenant-import-chunks</c> message (API.md); its message id is <c>{importId}-{chunk}</c>. An undo of the
/// import goes over the same queue, one message per chunk of the import, with <c>undo: true</c>, no tenants and the
/// message id <c>{importId}-undo-{chunk}</c>.
/// </summary>
public sealed record ImportChunk(string ImportId, string AccountId, int Chunk, int ChunkCount, IReadOnlyList<ImportChunkTenant> Tenants, bool? Undo = null)
{
    public const string QueueName = "tenant-import-chunks";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowDuplicateProperties = false,
    };

    public string MessageId => Undo == true ? $"{ImportId}-undo-{Chunk}" : $"{ImportId}-{Chunk}";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a chunk message, or says why it cannot be one.</summary>
    public static ImportChunk? TryParse(string body, out string? reason)
    {
        try
        {
            var chunk = JsonSerializer.Deserialize<ImportChunk>(body, Json);
            reason = chunk switch
            {
                null => "the body is null",
                { ImportId: null or "" } or { AccountId: null or "" } => "importId and accountId are required",
                _ when !Common.Ids.LooksValid(chunk.ImportId) || !Common.Ids.LooksValid(chunk.AccountId) =>
                    "importId and accountId must be ids (letters, digits, '_' and '-', 3 to 64 characters)",
                { Tenants: null } => "tenants is required",
                { Chunk: < 0 } or { ChunkCount: < 1 } => "chunk and chunkCount are out of range",
                _ when chunk.Chunk >= chunk.ChunkCount => "chunk is not below chunkCount",
                _ => null,
            };
            return reason is null ? chunk : null;
        }
        catch (JsonException ex)
        {
            reason = $"the body is not a chunk: {ex.Message}";
            return null;
        }
    }
}

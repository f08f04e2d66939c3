using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Identity;

namespace Tenancy.Local.DevelopmentIdentity;

/// <summary>A person of the development identity provider, as stored (the password only as its hash).</summary>
public sealed record DevelopmentUser(string Email, string Name, string Subject);

/// <summary>
/// The development identity provider's people, in the local storage's <c>devusers</c> table, one row per email.
/// Passwords are generated, shown once and kept only as ASP.NET Core <see cref="PasswordHasher{TUser}"/> hashes.
/// </summary>
public sealed class DevelopmentUsers(TableClient table)
{
    public const string TableName = "devusers";
    private const string Partition = "user";
    private static readonly PasswordHasher<DevelopmentUser> Hasher = new();

    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => table.CreateIfNotExistsAsync(cancellationToken);

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
            return true;
        return false;
    }

    /// <summary>Creates a person with a new password and answers it; null when the email is taken.</summary>
    public async Task<string?> CreateAsync(string email, string name, CancellationToken cancellationToken = default)
    {
        var user = new DevelopmentUser(Normalize(email), name.Trim(), Guid.NewGuid().ToString("N"));
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', '-').Replace('/', '_');
        var entity = new TableEntity(Partition, user.Email)
        {
            ["Name"] = user.Name,
            ["Subject"] = user.Subject,
            ["PasswordHash"] = Hasher.HashPassword(user, password),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return password;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>The person whose email and password these are, or null.</summary>
    public async Task<DevelopmentUser?> VerifyAsync(string? email, string? password, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password)) return null;
        var key = Normalize(email);
        if (!IsValidKey(key)) return null;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity) return null;
        var user = new DevelopmentUser(key, entity.GetString("Name"), entity.GetString("Subject"));
        return Hasher.VerifyHashedPassword(user, entity.GetString("PasswordHash"), password) == PasswordVerificationResult.Failed ? null : user;
    }

    private static string Normalize(string email) => email.Trim().ToLowerInvariant();

    // Table keys may not hold these characters; no email that matters here does.
    private static bool IsValidKey(string key) => key.Length is > 0 and <= 254 && key.IndexOfAny(['/', '\\', '#', '?']) < 0 && !key.Any(char.IsControl);
}

using Tenancy.Core.Tenants;

namespace Tenancy.Core.Imports;

/// <summary>Every tenant of an account with its contacts, read page by page so that no page holds more than a few.</summary>
public interface ITenantExportSource
{
    /// <summary>The account's tenants (not those being deleted), in storage order, each with its contacts and domains.</summary>
    IAsyncEnumerable<Tenant> ReadAllAsync(string accountId, CancellationToken cancellationToken);
}

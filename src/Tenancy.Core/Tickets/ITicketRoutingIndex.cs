namespace Tenancy.Core.Tickets;

/// <summary>A tenant as routing names it.</summary>
public sealed record TenantRef(string Id, string Name);

/// <summary>The lookups ticket routing needs from the store, each a point read within one account.</summary>
public interface ITicketRoutingIndex
{
    /// <summary>The tenants that have a contact whose email has this key (see <see cref="EmailKey"/>).</summary>
    Task<IReadOnlyList<TenantRef>> FindTenantsByContactEmailAsync(string accountId, string emailKey, CancellationToken cancellationToken);

    /// <summary>The tenant that owns this normalized ASCII domain, or null.</summary>
    Task<TenantRef?> FindDomainOwnerAsync(string accountId, string asciiDomain, CancellationToken cancellationToken);
}

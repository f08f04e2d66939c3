namespace Tenancy.Core.Tickets;

/// <summary>A tenant as routing names it.</summary>
public sealed record TenantRef(string Id, string Name);

/// <summary>The lookups ticket routing needs from the store, each one storage call within one account.</summary>
public interface ITicketRoutingIndex
{
    /// <summary>The tenants that have a contact whose email has this key (see <see cref="EmailKey"/>).</summary>
    Task<IReadOnlyList<TenantRef>> FindTenantsByContactEmailAsync(string accountId, string emailKey, CancellationToken cancellationToken);

    /// <summary>The owners of any of these normalized ASCII domains (a sender's domain and its parents), in one call.</summary>
    Task<IReadOnlyDictionary<string, TenantRef>> FindDomainOwnersAsync(string accountId, IReadOnlyList<string> asciiDomains, CancellationToken cancellationToken);
}

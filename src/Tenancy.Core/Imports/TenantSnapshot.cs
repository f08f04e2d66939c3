using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Imports;

/// <summary>
/// What an import wrote or found of a tenant: the fields a file sets (name, notes, contacts, domains). Undo compares
/// a tenant with it to tell whether someone changed the tenant since (then it is kept), and restores from it.
/// </summary>
public sealed record TenantSnapshot(string Name, string? Notes, IReadOnlyList<Contact> Contacts, IReadOnlyList<string> Domains)
{
    public static TenantSnapshot Of(Tenant tenant) => new(tenant.Name, tenant.Notes, tenant.Contacts, tenant.Domains);

    /// <summary>Same content (contact times aside, which no one edits).</summary>
    public bool Matches(Tenant tenant) => SameContent(Of(tenant));

    public bool SameContent(TenantSnapshot other) =>
        Name == other.Name && Notes == other.Notes
        && Domains.Order(StringComparer.Ordinal).SequenceEqual(other.Domains.Order(StringComparer.Ordinal))
        && Contacts.Count == other.Contacts.Count
        && Contacts.OrderBy(c => c.Id, StringComparer.Ordinal).Zip(other.Contacts.OrderBy(c => c.Id, StringComparer.Ordinal))
            .All(p => p.First with { CreatedAt = default } == p.Second with { CreatedAt = default });

    /// <summary>The tenant with this snapshot's notes, contacts and domains put back.</summary>
    public Tenant RestoreOnto(Tenant current, DateTimeOffset now) =>
        current with { Notes = Notes, Contacts = PrimaryContactRule.InCreationOrder(Contacts), Domains = Domains, UpdatedAt = now };
}

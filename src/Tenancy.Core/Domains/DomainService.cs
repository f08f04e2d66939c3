using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Tenants;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Domains;

/// <summary>
/// A tenant's email domains (R5). Each change is one atomic write of the tenant with the domain index,
/// so a domain claimed by two tenants at once goes to exactly one of them; the other gets a conflict naming it.
/// </summary>
public sealed class DomainService(TenantMutator mutator, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ListAsync(string accountId, string tenantId, CancellationToken cancellationToken) =>
        (await mutator.GetAsync(accountId, tenantId, cancellationToken)).Domains;

    public async Task<Tenant> ReplaceAsync(string accountId, string tenantId, IReadOnlyList<string?>? domains, string? ifMatch, CancellationToken cancellationToken)
    {
        if (domains is null) throw ValidationException.For("domains", "A list of domains is required (it may be empty).");
        var errors = new FieldErrors();
        var valid = DomainRules.ValidateAll(domains, errors);
        if (valid.Count > TenantRules.MaxDomains) errors.Add("domains", ApiMessages.TooManyDomains.Text(TenantRules.MaxDomains));
        errors.ThrowIfAny();
        return await mutator.MutateAsync(accountId, tenantId, ifMatch,
            t => t.Domains.SequenceEqual(valid) ? t : t with { Domains = valid, UpdatedAt = clock.GetUtcNow() },
            (before, after) => Entry(AuditActions.DomainsReplaced, before, after), cancellationToken);
    }

    /// <summary>Adds a domain; adding one the tenant already owns changes nothing (a retried call succeeds).</summary>
    public async Task<(string Domain, Tenant Tenant)> AddAsync(string accountId, string tenantId, string? domain, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var valid = DomainRules.Validate(domain, errors, "domain");
        errors.ThrowIfAny();
        var tenant = await mutator.MutateAsync(accountId, tenantId, ifMatch, t =>
        {
            if (t.Domains.Contains(valid!)) return t;
            if (t.Domains.Count >= TenantRules.MaxDomains)
                throw ValidationException.For("domain", ApiMessages.TooManyDomains.Text(TenantRules.MaxDomains));
            return t with { Domains = [.. t.Domains, valid!], UpdatedAt = clock.GetUtcNow() };
        }, (before, after) => Entry(AuditActions.DomainAdded, before, after), cancellationToken);
        return (valid!, tenant);
    }

    public Task<Tenant> RemoveAsync(string accountId, string tenantId, string domain, string? ifMatch, CancellationToken cancellationToken)
    {
        var normalized = DomainName.Normalize(domain);
        return mutator.MutateAsync(accountId, tenantId, ifMatch, t => t.Domains.Contains(normalized)
            ? t with { Domains = t.Domains.Where(d => d != normalized).ToList(), UpdatedAt = clock.GetUtcNow() }
            : throw new NotFoundException($"Tenant '{t.Name}' does not own the domain '{normalized}'."),
            (before, after) => Entry(AuditActions.DomainRemoved, before, after), cancellationToken);
    }

    /// <summary>A domain change is recorded on its tenant, with the tenant's domains before and after.</summary>
    private AuditEntry Entry(string action, Tenant before, Tenant after) =>
        AuditEntry.Of(clock.GetUtcNow(), action, AuditTargets.Tenant, before.Id, new { domains = before.Domains }, new { domains = after.Domains });
}

using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Tenants;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Contacts;

/// <summary>Contact use cases (R3) on a tenant; each one is a single atomic write of the tenant.</summary>
public sealed class ContactService(TenantMutator mutator, TimeProvider clock)
{
    public async Task<(Contact Contact, string ETag)> AddAsync(string accountId, string tenantId, ContactFields fields, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var contact = ContactRules.Create(fields, Ids.New("con"), clock.GetUtcNow(), errors);
        errors.ThrowIfAny();

        var tenant = await mutator.MutateAsync(accountId, tenantId, ifMatch, t => t with
        {
            Contacts = PrimaryContactRule.Add(t.Contacts, contact),
            UpdatedAt = clock.GetUtcNow(),
        }, (_, after) => Entry(AuditActions.ContactAdded, contact.Id, null, Find(after, contact.Id)), cancellationToken);
        return (tenant.Contacts.Single(c => c.Id == contact.Id), tenant.ETag);
    }

    public async Task<(Contact Contact, string ETag)> UpdateAsync(string accountId, string tenantId, string contactId, ContactFields patch, string? ifMatch, CancellationToken cancellationToken)
    {
        var tenant = await mutator.MutateAsync(accountId, tenantId, ifMatch, t =>
        {
            var current = Find(t, contactId);
            var errors = new FieldErrors();
            var updated = ContactRules.Patch(current, patch, errors);
            errors.ThrowIfAny();
            var contacts = PrimaryContactRule.Replace(t.Contacts, updated, patch.IsPrimary);
            return contacts.SequenceEqual(t.Contacts) ? t : t with { Contacts = contacts, UpdatedAt = clock.GetUtcNow() };
        }, (before, after) => Entry(AuditActions.ContactUpdated, contactId, Find(before, contactId), Find(after, contactId)), cancellationToken);
        return (Find(tenant, contactId), tenant.ETag);
    }

    public Task RemoveAsync(string accountId, string tenantId, string contactId, string? ifMatch, CancellationToken cancellationToken) =>
        mutator.MutateAsync(accountId, tenantId, ifMatch, t =>
        {
            Find(t, contactId);
            return t with { Contacts = PrimaryContactRule.Remove(t.Contacts, contactId), UpdatedAt = clock.GetUtcNow() };
        }, (before, _) => Entry(AuditActions.ContactRemoved, contactId, Find(before, contactId), null), cancellationToken);

    private AuditEntry Entry(string action, string contactId, Contact? before, Contact? after) =>
        AuditEntry.Of(clock.GetUtcNow(), action, AuditTargets.Contact, contactId, before, after);

    private static Contact Find(Tenant tenant, string contactId) =>
        tenant.Contacts.FirstOrDefault(c => c.Id == contactId)
        ?? throw new NotFoundException(ApiMessages.ContactNotFound.Text(contactId, tenant.Id));
}

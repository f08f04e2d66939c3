using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Domains;
using Tenancy.Core.Tenants;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Imports;

/// <summary>
/// <c>mode=upsert</c> (R12, API.md): what a file's tenant does to an existing tenant of the same name. Its notes are
/// taken from the file when the file has some; each contact is matched by email (by name when the row has no email),
/// updated with the cells the file fills, or added; the file's domains are added; nothing the file does not mention
/// is removed. A contact marked primary in the file becomes the primary; otherwise the primary stays.
/// </summary>
public static class UpsertRules
{
    public static Tenant Merge(Tenant existing, ImportChunkTenant file, string importId, DateTimeOffset now, FieldErrors errors)
    {
        var contacts = existing.Contacts.ToList();
        var primaryId = file.Contacts.Any(c => c.IsPrimary == true) ? null : existing.PrimaryContact?.Id;
        for (var i = 0; i < file.Contacts.Count; i++)
        {
            var fields = file.Contacts[i];
            var index = Match(contacts, fields);
            if (index < 0)
            {
                var id = Ids.Derived("con", existing.Id, importId, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var added = ContactRules.Create(fields, id, now, errors, $"contacts[{i}]");
                contacts.Add(added with { IsPrimary = false });
                if (fields.IsPrimary == true) primaryId = id;
                continue;
            }
            var old = contacts[index];
            var given = new ContactFields(fields.Name ?? old.Name, fields.Role ?? old.Role, fields.Email ?? old.Email,
                fields.CountryCode ?? old.CountryCode, fields.Phone ?? old.Phone, fields.Notes ?? old.Notes, null);
            contacts[index] = ContactRules.Create(given, old.Id, old.CreatedAt, errors, $"contacts[{i}]") with { IsPrimary = false };
            if (fields.IsPrimary == true) primaryId = old.Id;
        }
        primaryId ??= PrimaryContactRule.InCreationOrder(contacts).FirstOrDefault()?.Id;
        contacts = contacts.Select(c => c with { IsPrimary = c.Id == primaryId }).ToList();

        var domains = existing.Domains.ToList();
        foreach (var domain in DomainRules.ValidateAll(file.Domains, errors))
            if (!domains.Contains(domain, StringComparer.Ordinal)) domains.Add(domain);
        if (domains.Count > TenantRules.MaxDomains)
            errors.Add("domains", ApiMessages.TooManyDomains.Text(TenantRules.MaxDomains));

        var merged = existing with { Notes = file.Notes ?? existing.Notes, Contacts = PrimaryContactRule.InCreationOrder(contacts), Domains = domains };
        return TenantSnapshot.Of(merged).SameContent(TenantSnapshot.Of(existing)) ? existing : merged with { UpdatedAt = now };
    }

    /// <summary>The existing contact a row describes: same email key, or, for a row without email, same name.</summary>
    private static int Match(List<Contact> contacts, ContactFields fields)
    {
        if (!string.IsNullOrWhiteSpace(fields.Email))
        {
            var key = Tickets.EmailKey.For(fields.Email) ?? fields.Email.Trim().ToLowerInvariant();
            return contacts.FindIndex(c => c.Email is not null && (Tickets.EmailKey.For(c.Email) ?? c.Email.ToLowerInvariant()) == key);
        }
        var name = TextRules.Clean(fields.Name);
        return name is null ? -1 : contacts.FindIndex(c => string.Equals(TextRules.Clean(c.Name), name, StringComparison.OrdinalIgnoreCase));
    }
}

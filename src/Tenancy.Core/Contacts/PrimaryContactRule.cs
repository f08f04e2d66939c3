using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Contacts;

/// <summary>
/// Keeps exactly one primary contact (R3): making one primary demotes the other, removing the primary
/// promotes the earliest remaining contact, and the last contact cannot be removed.
/// </summary>
public static class PrimaryContactRule
{
    /// <summary>Orders contacts as "earliest first".</summary>
    public static IReadOnlyList<Contact> InCreationOrder(IEnumerable<Contact> contacts) =>
        contacts.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

    /// <summary>The contacts of a new tenant: at most one may ask to be primary; with none, the first is.</summary>
    public static IReadOnlyList<Contact> ForNewTenant(IReadOnlyList<Contact> contacts, FieldErrors errors)
    {
        if (contacts.Count == 0)
        {
            errors.Add("contacts", ApiMessages.ContactRequired.Text());
            return contacts;
        }
        var primaries = contacts.Count(c => c.IsPrimary);
        if (primaries > 1)
        {
            errors.Add("contacts", ApiMessages.OnePrimary.Text(primaries));
            return contacts;
        }
        return primaries == 1 ? contacts : contacts.Select((c, i) => c with { IsPrimary = i == 0 }).ToList();
    }

    public static IReadOnlyList<Contact> Add(IReadOnlyList<Contact> contacts, Contact added)
    {
        var makePrimary = added.IsPrimary || contacts.Count == 0;
        var others = makePrimary ? contacts.Select(c => c with { IsPrimary = false }) : contacts;
        return InCreationOrder(others.Append(added with { IsPrimary = makePrimary }));
    }

    /// <summary>Replaces a contact; <paramref name="isPrimary"/> true makes it the primary, false is refused on the primary.</summary>
    public static IReadOnlyList<Contact> Replace(IReadOnlyList<Contact> contacts, Contact updated, bool? isPrimary)
    {
        var current = contacts.Single(c => c.Id == updated.Id);
        if (isPrimary == false && current.IsPrimary)
            throw new ConflictException(
                ApiMessages.PrimaryRequired.Text(), "primary-contact-required");

        var makePrimary = isPrimary == true && !current.IsPrimary;
        return InCreationOrder(contacts.Select(c =>
            c.Id == updated.Id ? updated with { IsPrimary = current.IsPrimary || makePrimary }
            : makePrimary ? c with { IsPrimary = false }
            : c));
    }

    public static IReadOnlyList<Contact> Remove(IReadOnlyList<Contact> contacts, string contactId)
    {
        var removed = contacts.Single(c => c.Id == contactId);
        if (contacts.Count == 1)
            throw new ConflictException(ApiMessages.LastContact.Text(), "last-contact");

        var remaining = InCreationOrder(contacts.Where(c => c.Id != contactId));
        if (!removed.IsPrimary) return remaining;
        return remaining.Select((c, i) => c with { IsPrimary = i == 0 }).ToList();
    }
}

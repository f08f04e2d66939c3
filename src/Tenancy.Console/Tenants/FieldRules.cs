using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Domains;
using Tenancy.Core.Tenants;
using Tenancy.WebConsole.Tenants.Wizard;

namespace Tenancy.WebConsole.Tenants;

/// <summary>
/// The API's own field rules (Tenancy.Core: lengths, the country code and phone patterns, what an email address and a
/// domain are), run in the browser as the person types, so the console and the API never disagree. A blank required
/// field is left to the caller, which says so in the console's words and only once the person tried to go on.
/// Keys are the API's JSON paths (<c>name</c>, <c>contacts[1].countryCode</c>).
/// </summary>
public static class FieldRules
{
    public const int TenantNameMax = TenantName.MaxLength;
    public const int TenantNotesMax = TenantRules.NotesMax;
    public const int ContactNotesMax = ContactRules.NotesMax;

    public static void TenantFields(string name, string notes, IDictionary<string, string[]> into)
    {
        var errors = new FieldErrors();
        var cleaned = TenantName.Clean(name);
        if (cleaned.Length > 0) TenantName.Validate(cleaned, errors);
        TenantRules.ValidateNotes(TextRules.Clean(notes), errors);
        Merge(errors, into);
    }

    public static void ContactFields(ContactDraft contact, string prefix, IDictionary<string, string[]> into)
    {
        var errors = new FieldErrors();
        ContactRules.Create(new ContactFields(contact.Name, contact.Role, contact.Email, contact.CountryCode, contact.Phone, contact.Notes, null),
            "draft", DateTimeOffset.UnixEpoch, errors, prefix);
        Merge(errors, into, skip: string.IsNullOrWhiteSpace(contact.Name) ? $"{prefix}.name" : null);
    }

    /// <summary>Why an entry of the domain box is not a domain the API takes, or null when it is one.</summary>
    public static string? DomainError(string entry) => DomainName.TryParseHostName(entry, out _, out var error) ? null : error;

    /// <summary>The domain as the API stores it (lower case, punycode), for spotting one already listed.</summary>
    public static string Domain(string entry) => DomainName.Normalize(entry);

    private static void Merge(FieldErrors errors, IDictionary<string, string[]> into, string? skip = null)
    {
        foreach (var (key, messages) in errors.ToDictionary())
            if (key != skip) into[key] = messages;
    }
}

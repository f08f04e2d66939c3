using System.Text.RegularExpressions;
using MimeKit;
using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Contacts;

/// <summary>Field rules for contacts (R3), shared by the API and the import.</summary>
public static partial class ContactRules
{
    public const int NameMax = 128;
    public const int RoleMax = 100;
    public const int EmailMax = 254;
    public const int NotesMax = 500;
    public const int PhoneMinDigits = 4;
    public const int PhoneMaxDigits = 15;

    /// <summary>Validates and cleans a new contact; <paramref name="prefix"/> is the JSON path of the contact.</summary>
    public static Contact Create(ContactFields fields, string id, DateTimeOffset now, FieldErrors errors, string prefix = "")
    {
        var contact = new Contact(id, CleanName(fields.Name), TextRules.Clean(fields.Role),
            CleanEmail(fields.Email), TextRules.Clean(fields.CountryCode), TextRules.Clean(fields.Phone),
            TextRules.Clean(fields.Notes), fields.IsPrimary ?? false, now);
        Validate(contact, errors, prefix);
        return contact;
    }

    /// <summary>Applies a patch: null fields stay as they are, empty strings clear optional fields.</summary>
    public static Contact Patch(Contact current, ContactFields patch, FieldErrors errors)
    {
        var updated = current with
        {
            Name = patch.Name is null ? current.Name : CleanName(patch.Name),
            Role = patch.Role is null ? current.Role : TextRules.Clean(patch.Role),
            Email = patch.Email is null ? current.Email : CleanEmail(patch.Email),
            CountryCode = patch.CountryCode is null ? current.CountryCode : TextRules.Clean(patch.CountryCode),
            Phone = patch.Phone is null ? current.Phone : TextRules.Clean(patch.Phone),
            Notes = patch.Notes is null ? current.Notes : TextRules.Clean(patch.Notes),
        };
        Validate(updated, errors, "");
        return updated;
    }

    public static void Validate(Contact contact, FieldErrors errors, string prefix)
    {
        string F(string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

        if (contact.Name.Length == 0) errors.Add(F("name"), ApiMessages.ContactNameRequired.Text());
        TextRules.MaxLength(errors, F("name"), contact.Name, NameMax);
        TextRules.NoControlCharacters(errors, F("name"), contact.Name, allowNewLines: false);
        TextRules.MaxLength(errors, F("role"), contact.Role, RoleMax);
        TextRules.NoControlCharacters(errors, F("role"), contact.Role, allowNewLines: false);
        TextRules.MaxLength(errors, F("notes"), contact.Notes, NotesMax);
        TextRules.NoControlCharacters(errors, F("notes"), contact.Notes, allowNewLines: true);

        if (contact.Email is not null)
        {
            if (contact.Email.Length > EmailMax)
                errors.Add(F("email"), ApiMessages.TooLong.Text(EmailMax, contact.Email.Length));
            else if (!IsValidEmail(contact.Email))
                errors.Add(F("email"), ApiMessages.EmailNotValid.Text(contact.Email));
        }

        if (contact.CountryCode is not null && !CountryCodePattern().IsMatch(contact.CountryCode))
            errors.Add(F("countryCode"), ApiMessages.CountryCode.Text());

        if (contact.Phone is not null)
        {
            var digits = contact.Phone.Count(char.IsAsciiDigit);
            if (!PhonePattern().IsMatch(contact.Phone))
                errors.Add(F("phone"), ApiMessages.PhoneCharacters.Text());
            else if (digits is < PhoneMinDigits or > PhoneMaxDigits)
                errors.Add(F("phone"), ApiMessages.PhoneDigits.Text(PhoneMinDigits, PhoneMaxDigits, digits));
        }
    }

    /// <summary>A plain address (no display name), as MimeKit parses it, with a dotted domain.</summary>
    public static bool IsValidEmail(string email)
    {
        if (email.Any(char.IsWhiteSpace) || email.Count(c => c == '@') != 1) return false;
        if (!MailboxAddress.TryParse(ParserOptions.Default, email, out var mailbox)) return false;
        if (!string.IsNullOrEmpty(mailbox.Name) || mailbox.Route.Count > 0) return false;
        var at = email.LastIndexOf('@');
        var domain = email[(at + 1)..];
        return at > 0 && domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.')
               && !domain.Contains("..", StringComparison.Ordinal) && domain.All(c => c != '[');
    }

    /// <summary>Contact names are stored as typed, less the characters that show nothing (as tenant names are).</summary>
    private static string CleanName(string? name) => TextRules.Clean(name is null ? null : NameText.StripInvisible(name)) ?? "";

    private static string? CleanEmail(string? email) => TextRules.Clean(email);

    [GeneratedRegex(@"^\+[0-9]{1,3}$")]
    private static partial Regex CountryCodePattern();

    [GeneratedRegex(@"^[0-9 .\-/()]+$")]
    private static partial Regex PhonePattern();
}

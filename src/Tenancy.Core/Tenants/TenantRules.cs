using Tenancy.Core.Common;

namespace Tenancy.Core.Tenants;

public static class TenantRules
{
    public const int NotesMax = 500;

    /// <summary>Contacts a create call may carry: the create is one atomic write, and that write has a size limit.</summary>
    public const int MaxContactsOnCreate = 30;

    /// <summary>Domains a tenant may own: replacing the whole set must fit in one atomic write.</summary>
    public const int MaxDomains = 40;

    public static void ValidateNotes(string? notes, FieldErrors errors, string field = "notes")
    {
        TextRules.MaxLength(errors, field, notes, NotesMax);
        TextRules.NoControlCharacters(errors, field, notes, allowNewLines: true);
    }
}

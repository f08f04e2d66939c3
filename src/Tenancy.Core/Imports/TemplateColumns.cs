using System.Globalization;
using System.Text;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Imports;

/// <summary>The languages the import template is written in; the importer reads both.</summary>
public enum TemplateLanguage
{
    English,
    French,
}

public static class TemplateLanguages
{
    /// <summary>Reads <c>en</c> or <c>fr</c> (any case, with or without region, e.g. <c>fr-CA</c>); null or blank means English.</summary>
    public static bool TryParse(string? code, out TemplateLanguage language)
    {
        language = TemplateLanguage.English;
        if (string.IsNullOrWhiteSpace(code)) return true;
        var primary = code.Trim().Split('-', '_')[0].ToLowerInvariant();
        switch (primary)
        {
            case "en": return true;
            case "fr": language = TemplateLanguage.French; return true;
            default: return false;
        }
    }

    public static string Code(this TemplateLanguage language) => language == TemplateLanguage.French ? "fr" : "en";
}

/// <summary>The template's columns (R7), in template order.</summary>
public enum TemplateField
{
    TenantName,
    ContactName,
    PrimaryContact,
    ContactRole,
    ContactEmail,
    CountryCode,
    ContactPhone,
    ContactNotes,
    TenantNotes,
    Domains,
}

/// <summary>One template column: its headers, whether a row must fill it, its length limit and its help text.</summary>
public sealed record TemplateColumn(
    TemplateField Field,
    string English,
    string French,
    bool Required,
    int? MaxLength,
    string HelpEnglish,
    string HelpFrench)
{
    public string Header(TemplateLanguage language) => language == TemplateLanguage.French ? French : English;

    public string Help(TemplateLanguage language) => language == TemplateLanguage.French ? HelpFrench : HelpEnglish;
}

/// <summary>The ten columns of the template and the matcher that finds them in a header row.</summary>
public static class TemplateColumns
{
    public static IReadOnlyList<TemplateColumn> All { get; } =
    [
        new(TemplateField.TenantName, "Tenant name", "Nom du locataire", true, TenantName.MaxLength,
            $"Required. The customer's name, up to {TenantName.MaxLength} characters. Rows with the same tenant name (ignoring case and extra spaces) make one tenant, wherever they stand in the sheet.",
            $"Obligatoire. Le nom du client, {TenantName.MaxLength} caractères au plus. Les lignes qui portent le même nom de locataire (sans tenir compte des majuscules ni des espaces en trop) forment un seul locataire, où qu'elles se trouvent dans la feuille."),
        new(TemplateField.ContactName, "Contact name", "Nom du contact", true, ContactRules.NameMax,
            $"Required. One row per contact: the contact's full name, up to {ContactRules.NameMax} characters.",
            $"Obligatoire. Une ligne par contact : le nom complet du contact, {ContactRules.NameMax} caractères au plus."),
        new(TemplateField.PrimaryContact, "Primary contact", "Contact principal", false, null,
            "TRUE or FALSE (also accepted: yes/no, 1/0, vrai/faux, oui/non; blank means FALSE). A tenant has one primary contact: if several of its rows say TRUE, the first one wins; if none does, its first contact becomes the primary.",
            "VRAI ou FAUX (acceptés aussi : oui/non, 1/0, true/false, yes/no ; vide vaut FAUX). Un locataire a un seul contact principal : si plusieurs de ses lignes indiquent VRAI, la première l'emporte ; si aucune, son premier contact devient le contact principal."),
        new(TemplateField.ContactRole, "Contact role", "Rôle du contact", false, ContactRules.RoleMax,
            $"Optional. The contact's role or job title, up to {ContactRules.RoleMax} characters.",
            $"Facultatif. Le rôle ou la fonction du contact, {ContactRules.RoleMax} caractères au plus."),
        new(TemplateField.ContactEmail, "Contact email", "Adresse électronique du contact", false, ContactRules.EmailMax,
            $"Optional. A valid email address such as jane.doe@contoso.com, up to {ContactRules.EmailMax} characters.",
            $"Facultatif. Une adresse électronique valide, par exemple marie.dupont@contoso.fr, {ContactRules.EmailMax} caractères au plus."),
        new(TemplateField.CountryCode, "Country code", "Code pays", false, null,
            "Optional. '+' followed by 1 to 3 digits, e.g. +44 or +33. The column is formatted as text so that the + is kept.",
            "Facultatif. « + » suivi de 1 à 3 chiffres, par exemple +33 ou +32. La colonne est au format texte pour que le + soit conservé."),
        new(TemplateField.ContactPhone, "Contact phone number", "Numéro de téléphone du contact", false, null,
            $"Optional. {ContactRules.PhoneMinDigits} to {ContactRules.PhoneMaxDigits} digits; spaces and . - / ( ) are allowed. Put the country code in its own column. The column is formatted as text so that leading zeros are kept.",
            $"Facultatif. De {ContactRules.PhoneMinDigits} à {ContactRules.PhoneMaxDigits} chiffres ; les espaces et . - / ( ) sont acceptés. Mettez l'indicatif dans la colonne Code pays. La colonne est au format texte pour que les zéros en tête soient conservés."),
        new(TemplateField.ContactNotes, "Contact notes", "Notes de contact", false, ContactRules.NotesMax,
            $"Optional. Notes about the contact, up to {ContactRules.NotesMax} characters.",
            $"Facultatif. Des notes sur le contact, {ContactRules.NotesMax} caractères au plus."),
        new(TemplateField.TenantNotes, "Tenant notes", "Notes sur le locataire", false, TenantRules.NotesMax,
            $"Optional. Notes about the tenant, up to {TenantRules.NotesMax} characters. Fill them on any one row of the tenant; if its rows disagree, the first non-empty notes are kept.",
            $"Facultatif. Des notes sur le locataire, {TenantRules.NotesMax} caractères au plus. Remplissez-les sur l'une de ses lignes ; si ses lignes diffèrent, les premières notes non vides sont gardées."),
        new(TemplateField.Domains, "Domains", "Domaines", false, null,
            "Optional. The tenant's email domains, separated by commas or semicolons (e.g. contoso.com, contoso.co.uk). Emails from these domains are routed to this tenant. The domains of all rows of a tenant are combined.",
            "Facultatif. Les domaines de messagerie du locataire, séparés par des virgules ou des points-virgules (par exemple contoso.fr, contoso.be). Les courriels de ces domaines sont attribués à ce locataire. Les domaines de toutes les lignes d'un locataire sont réunis."),
    ];

    private static readonly Dictionary<string, (TemplateField Field, TemplateLanguage Language)> ByFoldedHeader =
        All.SelectMany(c => new[]
            {
                (Key: Fold(c.English), Value: (c.Field, TemplateLanguage.English)),
                (Key: Fold(c.French), Value: (c.Field, TemplateLanguage.French)),
            })
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    public static TemplateColumn For(TemplateField field) => All[(int)field];

    public static string Header(TemplateField field, TemplateLanguage language) => For(field).Header(language);

    /// <summary>Finds the column a header cell names, in either language.</summary>
    public static bool TryFind(string? header, out TemplateField field)
    {
        var found = ByFoldedHeader.TryGetValue(Fold(header), out var match);
        field = match.Field;
        return found;
    }

    /// <summary>
    /// Folds a header for comparison: case, accents, runs of white space (including non-breaking
    /// spaces and line breaks), typographic apostrophes and a trailing <c>*</c> or <c>:</c> do not count.
    /// </summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c is '\u2019' or '\u2018' ? '\'' : char.ToLowerInvariant(c));
        }
        var folded = builder.ToString().TrimEnd('*', ':', ' ');
        return folded;
    }

    /// <summary>Matches the cells of a header row, in any order; unknown headers are ignored.</summary>
    public static HeaderMatch Match(IReadOnlyList<string?> headerCells)
    {
        var positions = new Dictionary<TemplateField, int>();
        var duplicates = new List<TemplateField>();
        var ignored = new List<string>();
        int english = 0, french = 0;

        for (var i = 0; i < headerCells.Count; i++)
        {
            var text = headerCells[i];
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (!ByFoldedHeader.TryGetValue(Fold(text), out var match))
            {
                ignored.Add(text.Trim());
                continue;
            }
            if (!positions.TryAdd(match.Field, i))
            {
                if (!duplicates.Contains(match.Field)) duplicates.Add(match.Field);
                continue;
            }
            if (match.Language == TemplateLanguage.French) french++; else english++;
        }

        var language = french > english ? TemplateLanguage.French : TemplateLanguage.English;
        var missing = All.Where(c => c.Required && !positions.ContainsKey(c.Field)).Select(c => c.Field).ToList();
        return new HeaderMatch(positions, language, missing, duplicates, ignored);
    }
}

/// <summary>Where each template column stands in a header row (0-based), and what is wrong with the row if anything.</summary>
public sealed record HeaderMatch(
    IReadOnlyDictionary<TemplateField, int> Positions,
    TemplateLanguage Language,
    IReadOnlyList<TemplateField> Missing,
    IReadOnlyList<TemplateField> Duplicates,
    IReadOnlyList<string> Ignored)
{
    public bool IsUsable => Missing.Count == 0 && Duplicates.Count == 0;

    /// <summary>How many template columns the row names: lets a reader pick the sheet that looks most like the template.</summary>
    public int Recognised => Positions.Count;

    /// <summary>A sentence for the user when the row is not usable, null when it is; <paramref name="where"/> locates the row, e.g. "sheet 'Tenants', row 1".</summary>
    public string? Problem(string? where = null)
    {
        var subject = where is null ? "The header row" : $"The header row ({where})";
        if (Duplicates.Count > 0)
            return $"{subject} names these columns more than once: {Names(Duplicates)}. Keep one of each.";
        if (Missing.Count == 0) return null;

        var expected = string.Join(", ", TemplateColumns.All.Select(c => $"'{c.English}' (or '{c.French}')"));
        return Positions.Count == 0
            ? $"{subject} does not name any of the template's columns. Expected, in any order: {expected}."
            : $"{subject} lacks the required column{(Missing.Count > 1 ? "s" : "")} {Names(Missing)}. Expected, in any order: {expected}.";
    }

    private string Names(IEnumerable<TemplateField> fields) =>
        string.Join(", ", fields.Select(f => $"'{TemplateColumns.Header(f, Language)}'"));
}

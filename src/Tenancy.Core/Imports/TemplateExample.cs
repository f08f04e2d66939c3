using Tenancy.Core.Common;
using F = Tenancy.Core.Imports.TemplateField;

namespace Tenancy.Core.Imports;

/// <summary>
/// The example tenant the template ships with (two contacts, one primary). A tenant made only of
/// untouched example rows, in either language, is the example left in place: it is skipped, not imported.
/// </summary>
public static class TemplateExample
{
    private static readonly IReadOnlyList<IReadOnlyDictionary<TemplateField, string>> English =
    [
        new Dictionary<TemplateField, string>
        {
            [F.TenantName] = "EXAMPLE - Contoso Ltd (replace or delete this row)",
            [F.ContactName] = "Jane Doe",
            [F.PrimaryContact] = "TRUE",
            [F.ContactRole] = "IT manager",
            [F.ContactEmail] = "jane.doe@contoso.com",
            [F.CountryCode] = "+44",
            [F.ContactPhone] = "020 7946 0000",
            [F.ContactNotes] = "Prefers email",
            [F.TenantNotes] = "Example tenant: replace these two rows with your own tenants, one row per contact.",
            [F.Domains] = "contoso.com, contoso.co.uk",
        },
        new Dictionary<TemplateField, string>
        {
            [F.TenantName] = "EXAMPLE - Contoso Ltd (replace or delete this row)",
            [F.ContactName] = "John Smith",
            [F.PrimaryContact] = "FALSE",
            [F.ContactRole] = "Accountant",
            [F.ContactEmail] = "john.smith@contoso.com",
            [F.CountryCode] = "+44",
            [F.ContactPhone] = "020 7946 0001",
            [F.ContactNotes] = "",
            [F.TenantNotes] = "",
            [F.Domains] = "",
        },
    ];

    private static readonly IReadOnlyList<IReadOnlyDictionary<TemplateField, string>> French =
    [
        new Dictionary<TemplateField, string>
        {
            [F.TenantName] = "EXEMPLE - Contoso SARL (remplacez ou supprimez cette ligne)",
            [F.ContactName] = "Marie Dupont",
            [F.PrimaryContact] = "VRAI",
            [F.ContactRole] = "Responsable informatique",
            [F.ContactEmail] = "marie.dupont@contoso.fr",
            [F.CountryCode] = "+33",
            [F.ContactPhone] = "01 23 45 67 89",
            [F.ContactNotes] = "Préfère le courriel",
            [F.TenantNotes] = "Locataire d'exemple : remplacez ces deux lignes par vos locataires, une ligne par contact.",
            [F.Domains] = "contoso.fr, contoso.be",
        },
        new Dictionary<TemplateField, string>
        {
            [F.TenantName] = "EXEMPLE - Contoso SARL (remplacez ou supprimez cette ligne)",
            [F.ContactName] = "Jean Martin",
            [F.PrimaryContact] = "FAUX",
            [F.ContactRole] = "Comptable",
            [F.ContactEmail] = "jean.martin@contoso.fr",
            [F.CountryCode] = "+33",
            [F.ContactPhone] = "01 23 45 67 90",
            [F.ContactNotes] = "",
            [F.TenantNotes] = "",
            [F.Domains] = "",
        },
    ];

    /// <summary>The example rows as the template shows them, header order.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<TemplateField, string>> Rows(TemplateLanguage language) =>
        language == TemplateLanguage.French ? French : English;

    /// <summary>Whether a row is one of the example rows, unchanged (ignoring case of TRUE/FALSE, spacing and missing optional columns).</summary>
    public static bool IsExampleRow(TemplateRow row) =>
        English.Concat(French).Any(example => Same(example, row));

    private static bool Same(IReadOnlyDictionary<TemplateField, string> example, TemplateRow row)
    {
        foreach (var (field, expected) in example)
        {
            var actual = row[field];
            if (field == F.PrimaryContact)
            {
                ImportRowRules.TryParsePrimary(expected, out var expectedFlag);
                if (!ImportRowRules.TryParsePrimary(actual, out var actualFlag) || actualFlag != expectedFlag) return false;
            }
            else if (!string.Equals(TextRules.Clean(actual), TextRules.Clean(expected), StringComparison.Ordinal)
                     && !(actual is null && !row.Cells.ContainsKey(field)))
            {
                return false;
            }
        }
        return row.Problems.Count == 0;
    }
}

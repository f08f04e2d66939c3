using Tenancy.Core.Tenants;

namespace Tenancy.Core.Imports;

/// <summary>
/// A tenant as template rows (R12), the way the importer reads them back: one row per contact, the primary first and
/// marked, the tenant's notes and domains on the primary's row only. The template has no device-group column, so
/// groups are not exported (imports do not assign groups either).
/// </summary>
public static class TenantExportRows
{
    public static IReadOnlyList<IReadOnlyDictionary<TemplateField, string>> For(Tenant tenant, TemplateLanguage language)
    {
        var (yes, no) = language == TemplateLanguage.French ? ("VRAI", "FAUX") : ("TRUE", "FALSE");
        var contacts = tenant.Contacts.OrderBy(c => c.IsPrimary ? 0 : 1).ToList(); // stable: the others keep their order
        var rows = new List<IReadOnlyDictionary<TemplateField, string>>(Math.Max(1, contacts.Count));
        if (contacts.Count == 0)
        {
            rows.Add(TenantCells(tenant));
            return rows;
        }
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var cells = i == 0 ? TenantCells(tenant) : new Dictionary<TemplateField, string> { [TemplateField.TenantName] = tenant.Name };
            cells[TemplateField.ContactName] = contact.Name;
            cells[TemplateField.PrimaryContact] = contact.IsPrimary ? yes : no;
            Put(cells, TemplateField.ContactRole, contact.Role);
            Put(cells, TemplateField.ContactEmail, contact.Email);
            Put(cells, TemplateField.CountryCode, contact.CountryCode);
            Put(cells, TemplateField.ContactPhone, contact.Phone);
            Put(cells, TemplateField.ContactNotes, contact.Notes);
            rows.Add(cells);
        }
        return rows;
    }

    private static Dictionary<TemplateField, string> TenantCells(Tenant tenant)
    {
        var cells = new Dictionary<TemplateField, string> { [TemplateField.TenantName] = tenant.Name };
        Put(cells, TemplateField.TenantNotes, tenant.Notes);
        if (tenant.Domains.Count > 0) cells[TemplateField.Domains] = string.Join(", ", tenant.Domains);
        return cells;
    }

    private static void Put(Dictionary<TemplateField, string> cells, TemplateField field, string? value)
    {
        if (!string.IsNullOrEmpty(value)) cells[field] = value;
    }
}

using Tenancy.Core.Imports;

namespace Tenancy.Core.Tests.Imports;

/// <summary>Builds template rows for tests.</summary>
internal static class Rows
{
    public static TemplateRow Row(int number, string? tenant, string? contact, string? primary = null,
        string? email = null, string? countryCode = null, string? phone = null, string? tenantNotes = null,
        string? domains = null, string? role = null, string? contactNotes = null)
    {
        var cells = new Dictionary<TemplateField, string>();
        void Set(TemplateField field, string? value)
        {
            if (value is not null) cells[field] = value;
        }
        Set(TemplateField.TenantName, tenant);
        Set(TemplateField.ContactName, contact);
        Set(TemplateField.PrimaryContact, primary);
        Set(TemplateField.ContactRole, role);
        Set(TemplateField.ContactEmail, email);
        Set(TemplateField.CountryCode, countryCode);
        Set(TemplateField.ContactPhone, phone);
        Set(TemplateField.ContactNotes, contactNotes);
        Set(TemplateField.TenantNotes, tenantNotes);
        Set(TemplateField.Domains, domains);
        return new TemplateRow(number, cells);
    }

    public static TemplateRow Example(int number, TemplateLanguage language, int index) =>
        new(number, new Dictionary<TemplateField, string>(TemplateExample.Rows(language)[index]));
}

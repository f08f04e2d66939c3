using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Imports;

/// <summary>
/// Groups template rows into tenants (R8): rows with the same tenant name key make one tenant wherever
/// they stand; one invalid row refuses its whole tenant; the untouched example tenant is skipped.
/// </summary>
public static class TenantGrouping
{
    public static ImportPlan Group(
        IReadOnlyList<TemplateRow> rows, TemplateLanguage language, Func<string, string?>? domainError = null)
    {
        string H(TemplateField field) => TemplateColumns.Header(field, language);

        var errors = new List<ImportIssue>();
        var warnings = new List<ImportIssue>();
        var tenants = new List<ImportTenant>();
        var failed = new List<FailedImportTenant>();
        var groups = new Dictionary<string, List<(TemplateRow Source, ImportRowCheck Check)>>(StringComparer.Ordinal);
        var rowCount = 0;

        foreach (var row in rows)
        {
            if (row.IsBlank) continue;
            rowCount++;
            var check = ImportRowRules.Check(row, language, domainError);
            if (check.Row.TenantName.Length == 0)
            {
                // Without a name the row belongs to no tenant: it fails alone.
                errors.AddRange(check.Errors);
                failed.Add(new FailedImportTenant("", [row.Number]));
                continue;
            }
            if (!groups.TryGetValue(check.Row.TenantKey, out var group))
                groups[check.Row.TenantKey] = group = [];
            group.Add((row, check));
        }

        foreach (var group in groups.Values)
        {
            var first = group[0].Check.Row;
            var numbers = group.Select(g => g.Source.Number).ToList();

            if (group.All(g => TemplateExample.IsExampleRow(g.Source)))
            {
                warnings.Add(new ImportIssue(first.Number, H(TemplateField.TenantName),
                    ApiMessages.ExampleSkipped.Text(first.TenantName)));
                continue;
            }

            var rowErrors = group.SelectMany(g => g.Check.Errors).ToList();
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                failed.Add(new FailedImportTenant(first.TenantName, numbers));
                continue;
            }

            var checks = group.Select(g => g.Check.Row).ToList();
            var request = Merge(checks, H, warnings);
            var buildErrors = new List<ImportIssue>();
            CheckAsTheApiWould(request, checks, language, buildErrors);
            if (buildErrors.Count > 0)
            {
                errors.AddRange(buildErrors);
                failed.Add(new FailedImportTenant(first.TenantName, numbers));
                continue;
            }
            tenants.Add(new ImportTenant(request, numbers));
        }

        return new ImportPlan(language, rowCount, tenants, failed,
            errors.OrderBy(e => e.Row).ToList(), warnings.OrderBy(w => w.Row).ToList());
    }

    /// <summary>Makes one tenant of valid rows: one primary (the first marked), first non-empty notes, all domains.</summary>
    private static NewTenantRequest Merge(IReadOnlyList<ImportRow> rows, Func<TemplateField, string> header, List<ImportIssue> warnings)
    {
        var first = rows[0];

        foreach (var row in rows.Skip(1).Where(r => !string.Equals(r.TenantName, first.TenantName, StringComparison.Ordinal)))
            warnings.Add(new ImportIssue(row.Number, header(TemplateField.TenantName),
                ApiMessages.SameTenant.Text(row.TenantName, first.TenantName, first.Number)));

        var primaryRow = rows.FirstOrDefault(r => r.Contact.IsPrimary == true);
        foreach (var row in rows.Where(r => r.Contact.IsPrimary == true && r != primaryRow))
            warnings.Add(new ImportIssue(row.Number, header(TemplateField.PrimaryContact),
                ApiMessages.PrimaryKept.Text(first.TenantName, primaryRow!.Number)));

        var notesRow = rows.FirstOrDefault(r => r.TenantNotes is not null);
        foreach (var row in rows.Where(r => r.TenantNotes is not null && r != notesRow
                                            && !string.Equals(r.TenantNotes, notesRow!.TenantNotes, StringComparison.Ordinal)))
            warnings.Add(new ImportIssue(row.Number, header(TemplateField.TenantNotes),
                ApiMessages.NotesDiffer.Text(notesRow!.Number)));

        var domains = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var domain in rows.SelectMany(r => r.Domains))
            if (seen.Add(domain)) domains.Add(domain);

        var contacts = rows.Select(r => r.Contact with { IsPrimary = r == primaryRow }).ToList();
        return new NewTenantRequest(first.TenantName, notesRow?.TenantNotes, contacts, DeviceGroupIds: null, Domains: domains);
    }

    /// <summary>
    /// Runs the API's own create validation on the merged tenant, so that the import never hands over a
    /// tenant the API would refuse (e.g. more contacts than one create may carry), and maps its errors to rows.
    /// </summary>
    private static void CheckAsTheApiWould(NewTenantRequest request, IReadOnlyList<ImportRow> rows, TemplateLanguage language, List<ImportIssue> issues)
    {
        var errors = new FieldErrors();
        TenantService.Build(request, Ids.Derived("tnt", "import-check", TenantName.Key(request.Name)),
            TenantOrigin.Import("import-check"), DateTimeOffset.UnixEpoch, errors, throwOnErrors: false);

        foreach (var (field, messages) in errors.ToDictionary())
        {
            var (row, column) = Locate(field, rows, request, language);
            issues.AddRange(messages.Select(m => new ImportIssue(row, column, m)));
        }
    }

    private static (int Row, string? Column) Locate(string field, IReadOnlyList<ImportRow> rows, NewTenantRequest request, TemplateLanguage language)
    {
        string H(TemplateField f) => TemplateColumns.Header(f, language);

        switch (field)
        {
            case "name": return (rows[0].Number, H(TemplateField.TenantName));
            case "notes": return (rows.FirstOrDefault(r => r.TenantNotes == request.Notes)?.Number ?? rows[0].Number, H(TemplateField.TenantNotes));
            case "contacts" when rows.Count > TenantRules.MaxContactsOnCreate: return (rows[TenantRules.MaxContactsOnCreate].Number, null);
        }
        // contacts[3].email → the fourth row of the tenant, "Contact email".
        if (field.StartsWith("contacts[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 9
            && int.TryParse(field.AsSpan(9, close - 9), out var index) && index < rows.Count)
            return (rows[index].Number, ColumnOf(field, language));
        return (rows[0].Number, ColumnOf(field, language));
    }

    /// <summary>
    /// The column, in the file's language, of a field the API's rules name (<c>contacts[2].email</c> → "Contact email"
    /// or "Adresse électronique du contact"; <c>domains</c> → "Domains" or "Domaines"); null for the tenant as a whole.
    /// </summary>
    public static string? ColumnOf(string field, TemplateLanguage language)
    {
        var contactField = field.StartsWith("contacts[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 9
            ? field[(close + 1)..].TrimStart('.')
            : null;
        TemplateField? column = (field, contactField) switch
        {
            (_, "name") => TemplateField.ContactName,
            (_, "role") => TemplateField.ContactRole,
            (_, "email") => TemplateField.ContactEmail,
            (_, "countryCode") => TemplateField.CountryCode,
            (_, "phone") => TemplateField.ContactPhone,
            (_, "notes") => TemplateField.ContactNotes,
            (_, "isPrimary") => TemplateField.PrimaryContact,
            ("name", _) => TemplateField.TenantName,
            ("notes", _) => TemplateField.TenantNotes,
            _ when field.StartsWith("domains", StringComparison.Ordinal) => TemplateField.Domains,
            _ => null,
        };
        return column is { } known ? TemplateColumns.Header(known, language) : null;
    }
}

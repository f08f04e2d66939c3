using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Imports;

/// <summary>
/// A problem found in a template, located by row number and column header (in the file's language). Its column and
/// message are cut to <see cref="ImportEchoes"/>' sizes however it is made, so no file can make storing it fail.
/// </summary>
public sealed record ImportIssue(int Row, string? Column, string Message)
{
    private readonly string? _column = ImportEchoes.CutOrNull(Column, ImportEchoes.ColumnMax);
    private readonly string _message = ImportEchoes.Cut(Message ?? "", ImportEchoes.MessageMax);

    public string? Column { get => _column; init => _column = ImportEchoes.CutOrNull(value, ImportEchoes.ColumnMax); }

    public string Message { get => _message; init => _message = ImportEchoes.Cut(value ?? "", ImportEchoes.MessageMax); }
}

/// <summary>One template row once read and cleaned: the tenant it belongs to and the contact it describes.</summary>
public sealed record ImportRow(
    int Number,
    string TenantName,
    string? TenantNotes,
    IReadOnlyList<string> Domains,
    ContactFields Contact)
{
    public string TenantKey => Tenants.TenantName.Key(TenantName);
}

/// <summary>A row and the problems it has on its own.</summary>
public sealed record ImportRowCheck(ImportRow Row, IReadOnlyList<ImportIssue> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Row rules of the import (R7): the same field rules as the API (<see cref="ContactRules"/>,
/// <see cref="Tenants.TenantName"/>, <see cref="TenantRules"/>), reported by row and column.
/// </summary>
public static class ImportRowRules
{
    private static readonly Dictionary<string, bool> PrimaryWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true, ["vrai"] = true, ["yes"] = true, ["oui"] = true, ["1"] = true,
        ["false"] = false, ["faux"] = false, ["no"] = false, ["non"] = false, ["0"] = false,
    };

    // The API's field names, as ContactRules, TenantName and TenantRules report them, to the template's columns.
    private static readonly Dictionary<string, TemplateField> FieldsByApiName = new(StringComparer.Ordinal)
    {
        ["name"] = TemplateField.ContactName,
        ["role"] = TemplateField.ContactRole,
        ["email"] = TemplateField.ContactEmail,
        ["countryCode"] = TemplateField.CountryCode,
        ["phone"] = TemplateField.ContactPhone,
        ["notes"] = TemplateField.ContactNotes,
        ["tenantName"] = TemplateField.TenantName,
        ["tenantNotes"] = TemplateField.TenantNotes,
        ["domains"] = TemplateField.Domains,
        ["isPrimary"] = TemplateField.PrimaryContact,
    };

    private static readonly char[] DomainSeparators = [',', ';', ' ', '\t', '\r', '\n', '\u00a0'];

    /// <summary>
    /// Reads "Primary contact": true/false, vrai/faux, yes/no, oui/non, 1/0 in any case; blank is false.
    /// </summary>
    public static bool TryParsePrimary(string? text, out bool isPrimary)
    {
        var cleaned = TextRules.Clean(text);
        if (cleaned is null)
        {
            isPrimary = false;
            return true;
        }
        return PrimaryWords.TryGetValue(cleaned, out isPrimary);
    }

    /// <summary>Splits a "Domains" cell on commas, semicolons and white space; empty items are dropped.</summary>
    public static IReadOnlyList<string> SplitDomains(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(DomainSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Checks one row on its own. <paramref name="domainError"/> is the seam for domain rules: it returns
    /// why a domain is refused, or null; without it, domains are kept as trimmed strings.
    /// </summary>
    public static ImportRowCheck Check(TemplateRow row, TemplateLanguage language, Func<string, string?>? domainError = null)
    {
        var errors = new FieldErrors();
        var issues = new List<ImportIssue>();
        foreach (var problem in row.Problems)
            issues.Add(new ImportIssue(row.Number, TemplateColumns.Header(problem.Field, language), problem.Message));

        var tenantName = TenantName.Clean(row[TemplateField.TenantName]);
        TenantName.Validate(tenantName, errors, "tenantName");
        var tenantNotes = TextRules.Clean(row[TemplateField.TenantNotes]);
        TenantRules.ValidateNotes(tenantNotes, errors, "tenantNotes");

        if (!TryParsePrimary(row[TemplateField.PrimaryContact], out var isPrimary))
            errors.Add("isPrimary", ApiMessages.NotTrueOrFalse.Text(ImportEchoes.Cut(row[TemplateField.PrimaryContact]?.Trim() ?? "", ImportEchoes.QuotedValueMax)));

        var fields = new ContactFields(
            row[TemplateField.ContactName], row[TemplateField.ContactRole], row[TemplateField.ContactEmail],
            row[TemplateField.CountryCode], row[TemplateField.ContactPhone], row[TemplateField.ContactNotes], isPrimary);
        var contact = ContactRules.Create(fields, "import-row", DateTimeOffset.UnixEpoch, errors);

        var domains = SplitDomains(row[TemplateField.Domains]);
        if (domainError is not null)
            foreach (var domain in domains)
                if (domainError(domain) is { } message)
                    errors.Add("domains", message);

        // A cell the reader refused is reported once, as the reader put it, not again by the field rules.
        var refused = row.Problems.Select(p => p.Field).ToHashSet();
        foreach (var (field, messages) in errors.ToDictionary())
        {
            var known = FieldsByApiName.TryGetValue(field, out var templateField);
            if (known && refused.Contains(templateField)) continue;
            var column = known ? TemplateColumns.Header(templateField, language) : null;
            issues.AddRange(messages.Select(m => new ImportIssue(row.Number, column, m)));
        }

        // Keep the cleaned values: the tenant is created from exactly what was validated.
        var cleanedContact = new ContactFields(contact.Name, contact.Role, contact.Email, contact.CountryCode,
            contact.Phone, contact.Notes, isPrimary);
        return new ImportRowCheck(new ImportRow(row.Number, tenantName, tenantNotes, domains, cleanedContact), issues);
    }
}

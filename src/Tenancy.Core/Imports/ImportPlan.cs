using Tenancy.Core.Tenants;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Imports;

/// <summary>A valid tenant of the template, ready to create, and the rows it came from.</summary>
public sealed record ImportTenant(NewTenantRequest Request, IReadOnlyList<int> Rows)
{
    public string NameKey => TenantName.Key(Request.Name);
}

/// <summary>A tenant that will not be created because some of its rows are invalid; <see cref="Name"/> is empty for rows without a tenant name.</summary>
public sealed record FailedImportTenant(string Name, IReadOnlyList<int> Rows);

/// <summary>A row for the error report: the row as the user wrote it, why it was not imported, and the columns at fault.</summary>
public sealed record FailedRow(TemplateRow Row, IReadOnlyList<string> Messages, IReadOnlyList<TemplateField> Fields)
{
    public FailedRow(TemplateRow row, IReadOnlyList<string> messages) : this(row, messages, []) { }
}

/// <summary>What a template holds once grouped: tenants to create, tenants refused, and every problem by row and column.</summary>
public sealed record ImportPlan(
    TemplateLanguage Language,
    int RowCount,
    IReadOnlyList<ImportTenant> Tenants,
    IReadOnlyList<FailedImportTenant> FailedTenants,
    IReadOnlyList<ImportIssue> Errors,
    IReadOnlyList<ImportIssue> Warnings)
{
    /// <summary>The template held nothing to create and nothing wrong: blank, or only the example.</summary>
    public bool NothingToImport => Tenants.Count == 0 && FailedTenants.Count == 0;

    /// <summary>The rows of the refused tenants, with their messages, for <c>ErrorReportWriter</c>.</summary>
    public IReadOnlyList<FailedRow> FailedRows(IEnumerable<TemplateRow> rows) =>
        ImportErrorReport.FailedRows(rows, FailedTenants, Errors);
}

/// <summary>Turns row errors into the lines of the "Error" column of the failed-rows report (R9).</summary>
public static class ImportErrorReport
{
    /// <summary>
    /// Every row of every refused tenant, in sheet order. A row with its own errors lists them
    /// (<c>Column: message</c>); a valid row of a refused tenant says which rows held it back.
    /// Later failures (e.g. a name that already exists) can be passed as more tenants and errors.
    /// </summary>
    public static IReadOnlyList<FailedRow> FailedRows(
        IEnumerable<TemplateRow> rows, IEnumerable<FailedImportTenant> failedTenants, IEnumerable<ImportIssue> errors)
    {
        var errorsByRow = errors.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => g.ToList());
        var tenantByRow = new Dictionary<int, FailedImportTenant>();
        foreach (var tenant in failedTenants)
            foreach (var row in tenant.Rows)
                tenantByRow.TryAdd(row, tenant);

        var failed = new List<FailedRow>();
        foreach (var row in rows.OrderBy(r => r.Number))
        {
            if (!tenantByRow.TryGetValue(row.Number, out var tenant) && !errorsByRow.ContainsKey(row.Number)) continue;
            if (errorsByRow.TryGetValue(row.Number, out var own))
            {
                var fields = own
                    .Select(e => TemplateColumns.TryFind(e.Column, out var field) ? field : (TemplateField?)null)
                    .OfType<TemplateField>().Distinct().ToList();
                failed.Add(new FailedRow(row, own.Select(Format).Distinct().ToList(), fields));
                continue;
            }
            var culprits = tenant!.Rows.Where(errorsByRow.ContainsKey).ToList();
            var because = culprits.Count switch
            {
                0 => ApiMessages.TenantRefused.Text(),
                1 => ApiMessages.HeldBackByRow.Text(culprits[0], tenant.Name),
                _ => ApiMessages.HeldBackByRows.Text(string.Join(", ", culprits), tenant.Name),
            };
            failed.Add(new FailedRow(row, [because]));
        }
        return failed;
    }

    public static string Format(ImportIssue issue) =>
        issue.Column is null ? issue.Message : $"{issue.Column}: {issue.Message}";
}

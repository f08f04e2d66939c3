using ClosedXML.Excel;
using Tenancy.Core.Imports;

namespace Tenancy.Excel.Tests;

/// <summary>
/// The filled template used across tests: the rows of Data/other-tools/filled.csv, and the tenants they
/// must import to whichever tool wrote the file.
/// </summary>
internal static class FilledDataset
{
    public static readonly string[][] Rows =
    [
        ["Contoso Ltd", "Jane Doe", "TRUE", "IT manager", "jane.doe@contoso.com", "+44", "020 7946 0000", "Prefers email", "Gold support", "contoso.com, contoso.co.uk"],
        ["Fabrikam SAS", "Amélie Durand", "FALSE", "Directrice", "amelie@fabrikam.fr", "+33", "01 23 45 67 89", "", "", "fabrikam.fr"],
        ["Contoso Ltd", "John Smith", "FALSE", "Accountant", "john.smith@contoso.com", "+44", "020 7946 0001", "", "", ""],
        ["Fabrikam SAS", "Luc Bernard", "TRUE", "Technicien", "luc@fabrikam.fr", "+33", "06 12 34 56 78", "Astreinte le week-end", "Client depuis 2019", "fabrikam.fr; fabrikam.be"],
        ["Northwind Traders", "Nancy Davolio", "", "", "nancy@northwindtraders.com", "+1", "(206) 555-0100", "", "", "northwindtraders.com"],
        ["contoso ltd", "Joe Bloggs", "FALSE", "Helpdesk", "", "", "", "", "", "contoso.fr"],
    ];

    public static readonly string[] ExpectedTenants =
    [
        "Contoso Ltd | notes: Gold support | domains: contoso.com, contoso.co.uk, contoso.fr | "
            + "*Jane Doe (IT manager, jane.doe@contoso.com, +44 020 7946 0000, Prefers email); "
            + "John Smith (Accountant, john.smith@contoso.com, +44 020 7946 0001, ); "
            + "Joe Bloggs (Helpdesk, ,  , )",
        "Fabrikam SAS | notes: Client depuis 2019 | domains: fabrikam.fr, fabrikam.be | "
            + "Amélie Durand (Directrice, amelie@fabrikam.fr, +33 01 23 45 67 89, ); "
            + "*Luc Bernard (Technicien, luc@fabrikam.fr, +33 06 12 34 56 78, Astreinte le week-end)",
        "Northwind Traders | notes:  | domains: northwindtraders.com | "
            + "Nancy Davolio (, nancy@northwindtraders.com, +1 (206) 555-0100, )",
    ];

    /// <summary>One line per tenant, primary contact starred, so that a mismatch shows as a readable diff.</summary>
    public static IReadOnlyList<string> Describe(ImportPlan plan) =>
        plan.Tenants.Select(t =>
        {
            var r = t.Request;
            var contacts = r.Contacts!.Select(c =>
                $"{(c.IsPrimary == true ? "*" : "")}{c.Name} ({c.Role}, {c.Email}, {c.CountryCode} {c.Phone}, {c.Notes})");
            return $"{r.Name} | notes: {r.Notes} | domains: {string.Join(", ", r.Domains!)} | {string.Join("; ", contacts)}";
        }).ToList();

    /// <summary>The template from <see cref="TemplateWriter"/>, example rows replaced by the dataset, as a user fills it in Excel.</summary>
    public static byte[] FilledTemplate(TemplateLanguage language)
    {
        using var workbook = new XLWorkbook(new MemoryStream(new TemplateWriter().Create(language)));
        var sheet = workbook.Worksheet(1);
        sheet.Range(2, 1, 3, TemplateColumns.All.Count).Clear(XLClearOptions.Contents);
        for (var i = 0; i < Rows.Length; i++)
            for (var c = 0; c < Rows[i].Length; c++)
            {
                var cell = sheet.Cell(i + 2, c + 1);
                var text = Rows[i][c];
                if (text.Length == 0) continue;
                // Excel stores a typed TRUE/FALSE as a boolean even in a text column: do the same.
                if (c == 2) cell.SetValue(text == "TRUE");
                else cell.SetValue(text);
            }
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }
}

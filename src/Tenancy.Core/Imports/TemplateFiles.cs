namespace Tenancy.Core.Imports;

/// <summary>The names and media type of the workbooks the import hands out and takes in.</summary>
public static class TemplateFiles
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string TemplateName(TemplateLanguage language) =>
        language == TemplateLanguage.French ? "modele-import-locataires.xlsx" : "tenant-import-template.xlsx";

    public static string ErrorReportName(TemplateLanguage language, string importId) =>
        language == TemplateLanguage.French ? $"erreurs-{importId}.xlsx" : $"errors-{importId}.xlsx";
}

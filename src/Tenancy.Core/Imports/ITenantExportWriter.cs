namespace Tenancy.Core.Imports;

/// <summary>Writes template rows as a workbook in the template's format, row by row as they come.</summary>
public interface ITenantExportWriter
{
    Task WriteAsync(Stream output, TemplateLanguage language, IAsyncEnumerable<IReadOnlyDictionary<TemplateField, string>> rows,
        CancellationToken cancellationToken);
}

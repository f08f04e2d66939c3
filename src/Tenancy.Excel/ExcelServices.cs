using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Imports;

namespace Tenancy.Excel;

/// <summary>Registers the ClosedXML adapters of the import's workbook ports.</summary>
public static class ExcelServices
{
    public static IServiceCollection AddExcel(this IServiceCollection services)
    {
        services.AddSingleton<ITemplateReader>(sp =>
            new TemplateReader(new TemplateReaderOptions { MaxFileBytes = sp.GetRequiredService<ImportOptions>().MaxFileBytes }));
        services.AddSingleton<ITemplateWriter, TemplateWriter>();
        services.AddSingleton<ITenantExportWriter, TenantExportWriter>();
        services.AddSingleton<IErrorReportWriter, ErrorReportWriter>();
        return services;
    }
}

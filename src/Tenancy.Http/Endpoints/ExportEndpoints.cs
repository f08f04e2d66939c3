using Microsoft.AspNetCore.Http;
using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Http.Endpoints;

/// <summary>The tenant export (R12): the caller's tenants as a template workbook, streamed.</summary>
public static class ExportEndpoints
{
    public static Task<IResult> Export(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var lang = QueryArgs.String(request, "lang", maxLength: 10);
        if (!TemplateLanguages.TryParse(lang, out var language))
            throw ValidationException.For("lang", ApiMessages.LanguageCode.Text());
        var export = await ctx.Service<TenantExportService>().StartAsync(ctx.AccountId, language, ctx.CancellationToken);
        return Results.Stream(export.WriteToAsync, TemplateFiles.ContentType, export.FileName);
    });
}

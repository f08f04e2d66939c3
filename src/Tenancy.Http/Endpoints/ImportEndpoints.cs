using Microsoft.AspNetCore.Http;
using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;
using Tenancy.Http.Problems;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for the Excel import (R7–R9).</summary>
public static class ImportEndpoints
{
    public static Task<IResult> Template(HttpRequest request) => ApiEndpoint.RunAsync(request, ctx =>
    {
        var lang = QueryArgs.String(request, "lang", maxLength: 10);
        if (!TemplateLanguages.TryParse(lang, out var language))
            throw ValidationException.For("lang", ApiMessages.LanguageCode.Text());
        return Task.FromResult(Results.File(ctx.Service<ITemplateWriter>().Create(language), TemplateFiles.ContentType, TemplateFiles.TemplateName(language)));
    });

    public static Task<IResult> Upload(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var imports = ctx.Service<ImportService>();
        var validateOnly = QueryArgs.Bool(request, "validateOnly");
        if (!ImportModes.TryParse(QueryArgs.String(request, "mode", maxLength: 10), out var mode))
            throw ValidationException.For("mode", "Must be create or upsert.");
        var (fileName, content) = await UploadedFile.ReadAsync(request, imports.MaxFileBytes, ctx.CancellationToken);
        if (validateOnly)
            return Results.Json(ImportJobResponse.From(await imports.ValidateAsync(ctx.AccountId, fileName, content, mode, ctx.CancellationToken), RequestLanguage.Of(request)), TenancyJson.Options);

        using var stream = new MemoryStream(content, writable: false);
        var job = await imports.UploadAsync(ctx.AccountId, fileName, stream, mode, ctx.CancellationToken);
        return Results.Json(ImportJobResponse.From(job, RequestLanguage.Of(request)), TenancyJson.Options, statusCode: StatusCodes.Status202Accepted)
            .WithLocation($"/api/tenant-imports/{job.Id}");
    });

    public static Task<IResult> List(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var page = await ctx.Service<ImportService>().ListAsync(ctx.AccountId, QueryArgs.Page(request), ctx.CancellationToken);
        var (items, next) = (page.Items.Select(j => ImportJobResponse.From(j, RequestLanguage.Of(request))).ToList(), page.ContinuationToken);
        return Results.Json(new ListResponse<ImportJobResponse>(items, next), TenancyJson.Options);
    });

    public static Task<IResult> Get(HttpRequest request, string importId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("importId", importId)], async ctx =>
        Results.Json(ImportJobResponse.From(await ctx.Service<ImportService>().GetAsync(ctx.AccountId, importId, ctx.CancellationToken), RequestLanguage.Of(request)), TenancyJson.Options));

    public static Task<IResult> Errors(HttpRequest request, string importId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("importId", importId)], async ctx =>
    {
        var asked = AskedReportLanguage(request);
        var (fileLanguage, rows) = await ctx.Service<ImportService>().FailedRowsAsync(ctx.AccountId, importId, ctx.CancellationToken);
        var language = asked ?? fileLanguage;
        var said = rows.Select(r => r with { Messages = r.Messages.Select(m => MessageLanguage.ReportLine(language, m)).ToList() });
        return Results.File(ctx.Service<IErrorReportWriter>().Create(language, said), TemplateFiles.ContentType,
            TemplateFiles.ErrorReportName(language, importId));
    });

    /// <summary>The report's language: <c>lang=</c>, else the caller's <c>Accept-Language</c>; null (the file's own) without either.</summary>
    private static TemplateLanguage? AskedReportLanguage(HttpRequest request)
    {
        var lang = QueryArgs.String(request, "lang", maxLength: 10);
        if (lang is not null)
            return TemplateLanguages.TryParse(lang, out var asked) ? asked : throw ValidationException.For("lang", ApiMessages.LanguageCode.Text());
        return request.Headers.AcceptLanguage.Count > 0 ? RequestLanguage.Of(request) : null;
    }

    public static Task<IResult> ErrorItems(HttpRequest request, string importId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("importId", importId)], async ctx =>
    {
        var page = await ctx.Service<ImportService>().ListErrorsAsync(ctx.AccountId, importId, QueryArgs.Page(request), ctx.CancellationToken);
        return Results.Json(new ListResponse<ImportIssueResponse>(page.Items.Select(e => ImportIssueResponse.From(e, RequestLanguage.Of(request))).ToList(), page.ContinuationToken), TenancyJson.Options);
    });

    public static Task<IResult> Undo(HttpRequest request, string importId) => ApiEndpoint.RunAsync(request, [RouteArg.Id("importId", importId)], async ctx =>
    {
        var job = await ctx.Service<ImportService>().UndoAsync(ctx.AccountId, importId, ctx.CancellationToken);
        return Results.Json(ImportJobResponse.From(job, RequestLanguage.Of(request)), TenancyJson.Options, statusCode: StatusCodes.Status202Accepted)
            .WithLocation($"/api/tenant-imports/{job.Id}");
    });
}

using Microsoft.AspNetCore.Http;
using Tenancy.Core.Access;
using Tenancy.Core.PersonalData;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>Find and erase a person everywhere (R15).</summary>
public static class PersonalDataEndpoints
{
    public static Task<IResult> Find(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var found = await ctx.Service<PersonalDataService>().FindAsync(ctx.AccountId, QueryArgs.String(request, "email", maxLength: 320), ctx.CancellationToken);
        return Results.Json(new PersonalDataResponse(found.EmailKey,
            found.Contacts.Select(c => new PersonalContactResponse(c.TenantId, c.TenantName, ContactResponse.From(c.Contact))).ToList(),
            found.Agents.Select(a => new AgentResponse(a.Id, a.Name, a.Email, AgentRoles.Name(a.Role), a.CreatedAt)).ToList(),
            found.AuditEntries.Select(AuditEntryResponse.From).ToList(), found.MoreAuditEntries,
            found.ImportJobs.Select(j => new PersonalImportJobResponse(j.ImportId, j.Places,
                j.Rows.Select(r => new PersonalImportRowResponse(r.Number, r.Cells.Where(c => !string.IsNullOrEmpty(c.Value))
                    .ToDictionary(c => JsonNames.Of(c.Key), c => c.Value))).ToList())).ToList(),
            found.Files.Select(f => new PersonalFileResponse(f.BlobName, f.ImportId, f.StoredAt)).ToList(),
            found.TicketAssignments), TenancyJson.Options);
    });

    public static Task<IResult> Erase(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var body = await JsonBody.ReadAsync<ErasureBody>(request, ctx.CancellationToken);
        var report = await ctx.Service<PersonalDataService>().EraseAsync(ctx.AccountId, body.Email, ctx.CancellationToken);
        return Results.Json(new ErasureResponse(report.Contacts.Select(c => new ErasedContactResponse(c.TenantId, c.ContactId)).ToList(),
            report.AuditEntries, report.ImportJobs, report.Files, report.TicketAssignments), TenancyJson.Options);
    });

    /// <summary>A template column as the answer names it: <c>contactEmail</c>.</summary>
    private static class JsonNames
    {
        public static string Of(Core.Imports.TemplateField field) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.ToString());
    }
}

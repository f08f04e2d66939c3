using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>The audit log (R10): read only; no route edits or deletes an entry.</summary>
public static class AuditEndpoints
{
    public static Task<IResult> List(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var query = new AuditQuery(Moment(request, "from"), Moment(request, "to"),
            QueryArgs.String(request, "targetId", maxLength: 64), QueryArgs.String(request, "actorId", maxLength: 64));
        var page = await ctx.Service<AuditService>().ListAsync(ctx.AccountId, query, QueryArgs.Page(request), ctx.CancellationToken);
        return Results.Json(new ListResponse<AuditEntryResponse>(page.Items.Select(AuditEntryResponse.From).ToList(), page.ContinuationToken),
            TenancyJson.Options);
    });

    /// <summary>An ISO 8601 moment with its offset (or Z); one without is ambiguous and refused.</summary>
    private static DateTimeOffset? Moment(HttpRequest request, string name)
    {
        var raw = QueryArgs.String(request, name, maxLength: 40);
        if (raw is null) return null;
        var time = raw.IndexOfAny(['T', 't']);
        var hasOffset = time > 0 && (raw.EndsWith('Z') || raw.EndsWith('z') || raw.IndexOfAny(['+', '-'], time) > 0);
        if (hasOffset && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)) return at;
        throw ValidationException.For(name, "Must be an ISO 8601 date and time with its offset, e.g. 2026-03-02T09:15:04Z.");
    }
}

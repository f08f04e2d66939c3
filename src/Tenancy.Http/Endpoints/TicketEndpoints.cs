using Microsoft.AspNetCore.Http;
using Tenancy.Core.Common;
using Tenancy.Core.Tickets;
using Tenancy.Http.Contracts;
using Tenancy.Http.Json;

namespace Tenancy.Http.Endpoints;

/// <summary>HTTP handlers for ticket routing (R6): what routing would do now, and what it did.</summary>
public static class TicketEndpoints
{
    public static Task<IResult> Match(HttpRequest request) => ApiEndpoint.RunAsync(request, async ctx =>
    {
        var from = QueryArgs.String(request, "from", maxLength: 998)
                   ?? throw ValidationException.For("from", "The sender address is required, e.g. ?from=ann@contoso.com.");
        var authentication = QueryArgs.String(request, "senderAuthentication") switch
        {
            null => (SenderAuthentication?)null,
            var v when Enum.TryParse<SenderAuthentication>(v, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) => parsed,
            _ => throw ValidationException.For("senderAuthentication", "Must be pass, fail or none."),
        };
        var decision = await ctx.Service<TicketRouter>().MatchAsync(ctx.AccountId, from, authentication, ctx.CancellationToken);
        return Results.Json(new RoutingMatchResponse(decision.TenantId, decision.TenantName, decision.MatchedDomain,
            decision.Match, decision.Reason), TenancyJson.Options);
    });

    public static Task<IResult> Assignment(HttpRequest request, string ticketId) => ApiEndpoint.RunAsync(request, [RouteArg.Text("ticketId", ticketId)], async ctx =>
    {
        var assignment = await ctx.Service<ITicketAssignmentStore>().FindAsync(ctx.AccountId, ticketId, ctx.CancellationToken)
                         ?? throw new NotFoundException($"Ticket '{ticketId}' has no assignment (yet).");
        return Results.Text(assignment.ToJson(), "application/json");
    });
}

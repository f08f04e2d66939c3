using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>
/// Ticket routing (R6): the routing routes. The <c>incoming-tickets</c> consumer is in <see cref="ServiceBusFunctions"/>.
/// </summary>
public static class TicketRoutingFunctions
{
    [Function("MatchTicketRouting")]
    public static Task<IResult> MatchTicketRouting(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.RoutingMatch)] HttpRequest req) =>
        TicketEndpoints.Match(req);

    [Function("GetTicketAssignment")]
    public static Task<IResult> GetTicketAssignment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.TicketAssignment)] HttpRequest req, string ticketId) =>
        TicketEndpoints.Assignment(req, ticketId);
}

using Azure.Messaging.ServiceBus;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Core.Tickets;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>
/// Ticket routing (R6): the routing routes, and the <c>incoming-tickets</c> consumer. <see cref="TicketIntake"/>
/// publishes each assignment on <c>ticket-assignments</c> itself, through <see cref="ServiceBusMessageSender"/>.
/// </summary>
public sealed class TicketRoutingFunctions(TicketIntake intake)
{
    [Function("MatchTicketRouting")]
    public static Task<IResult> MatchTicketRouting(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.RoutingMatch)] HttpRequest req) =>
        TicketEndpoints.Match(req);

    [Function("GetTicketAssignment")]
    public static Task<IResult> GetTicketAssignment(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.TicketAssignment)] HttpRequest req, string ticketId) =>
        TicketEndpoints.Assignment(req, ticketId);

    [Function("IncomingTickets")]
    public Task IncomingTickets(
        [ServiceBusTrigger("incoming-tickets", Connection = "ServiceBusConnection", AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions, CancellationToken cancellationToken) =>
        MessageSettlement.HandleAsync(message, actions, intake.HandleAsync, cancellationToken);
}

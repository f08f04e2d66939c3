using Azure.Messaging.ServiceBus;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Core.Tickets;
using Tenancy.Http.Logging;

namespace Tenancy.Functions;

/// <summary>
/// The two Service Bus-triggered functions, alone in this file because their extension package is missing from some
/// registries: the project leaves this file out when <c>ServiceBusTriggers</c> is false (Tenancy.slnf).
/// Everything they call is compiled and tested everywhere.
/// </summary>
public sealed class ServiceBusFunctions(TicketIntake intake, ImportProcessor processor, ILoggerFactory loggers, TenancyMetrics metrics)
{
    private readonly ILogger _logger = loggers.CreateLogger(LogScopes.Category);

    /// <summary>Incoming email tickets (R6); <see cref="TicketIntake"/> publishes each assignment on <c>ticket-assignments</c>.</summary>
    [Function("IncomingTickets")]
    public async Task IncomingTickets(
        [ServiceBusTrigger(IncomingTicket.QueueName, Connection = ServiceBusMessageSender.ConnectionName, AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions, CancellationToken cancellationToken) =>
        await SettleAsync(message, actions, await MessageSettlement.DecideAsync(message, intake.HandleAsync, new(IncomingTicket.QueueName, _logger, metrics), cancellationToken), cancellationToken);

    /// <summary>Chunks of an import's tenants (R8), sent by the file stage.</summary>
    [Function("ImportChunks")]
    public async Task ImportChunks(
        [ServiceBusTrigger(ImportChunk.QueueName, Connection = ServiceBusMessageSender.ConnectionName, AutoCompleteMessages = false)] ServiceBusReceivedMessage message,
        ServiceBusMessageActions actions, CancellationToken cancellationToken) =>
        await SettleAsync(message, actions, await MessageSettlement.DecideAsync(message, processor.HandleChunkAsync, new(ImportChunk.QueueName, _logger, metrics), cancellationToken), cancellationToken);

    private static Task SettleAsync(ServiceBusReceivedMessage message, ServiceBusMessageActions actions, Settlement settlement, CancellationToken cancellationToken) =>
        settlement.DeadLetter
            ? actions.DeadLetterMessageAsync(message, deadLetterReason: settlement.Reason, deadLetterErrorDescription: settlement.Description, cancellationToken: cancellationToken)
            : actions.CompleteMessageAsync(message, cancellationToken);
}

using System.Text.RegularExpressions;
using Tenancy.Core.Imports;
using Tenancy.Core.Tickets;
using Tenancy.Hosts.Tests.Support;
using Tenancy.Storage.Queues;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>
/// The Service Bus triggers, the one part of the Functions app not compiled here (its extension package is missing):
/// their declarations are read from source. What they run (<see cref="Tenancy.Functions.MessageSettlement"/>) is
/// compiled and tested in <see cref="MessageSettlementTests"/>.
/// </summary>
public class ServiceBusFunctionsTests
{
    public static TheoryData<string, string, string> ConsumedQueues => new()
    {
        { IncomingTicket.QueueName, "IncomingTickets", "intake.HandleAsync" },
        { ImportChunk.QueueName, "ImportChunks", "processor.HandleChunkAsync" },
    };

    private static readonly Dictionary<string, string> QueueConstants = new()
    {
        ["IncomingTicket.QueueName"] = IncomingTicket.QueueName,
        ["ImportChunk.QueueName"] = ImportChunk.QueueName,
    };

    [Theory]
    [MemberData(nameof(ConsumedQueues))]
    public void Consumed_queue_has_a_service_bus_trigger_that_settles_itself(string queue, string functionName, string handler)
    {
        var function = Assert.Single(ServiceBusSource.Functions, f => f.Name == functionName);
        var trigger = function.AttributeArguments("ServiceBusTrigger");
        Assert.True(trigger is not null, $"{function} has no [ServiceBusTrigger(...)] parameter.");

        Assert.Equal(queue, QueueConstants.GetValueOrDefault(ServiceBusSource.FirstArgument(trigger)));
        Assert.Equal("false", ServiceBusSource.NamedArgument(trigger, "AutoCompleteMessages"));
        Assert.True(Regex.IsMatch(function.Text, $@"MessageSettlement\.DecideAsync\(\s*message\s*,\s*{Regex.Escape(handler)}\s*,"),
            $"{function}: expected MessageSettlement.DecideAsync(message, {handler}, ...).");
        Assert.True(function.Text.Contains("SettleAsync(message, actions,"), $"{function}: expected the decision applied with its ServiceBusMessageActions.");
    }

    [Fact]
    public void Only_the_two_consumers_are_in_the_file()
    {
        Assert.Equal(["ImportChunks", "IncomingTickets"], ServiceBusSource.Functions.Select(f => f.Name).Order());
    }

    [Fact]
    public void Every_queue_is_consumed_or_only_sent_to()
    {
        var consumed = ConsumedQueues.Select(row => (string)row[0]);

        Assert.Equal(TenancyQueues.Names.Order(), consumed.Append(TicketAssignment.QueueName).Order());
    }
}

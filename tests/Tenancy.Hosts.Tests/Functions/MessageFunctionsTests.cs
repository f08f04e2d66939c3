using System.Text.RegularExpressions;
using Tenancy.Core.Tickets;
using Tenancy.Hosts.Tests.Support;
using Tenancy.Http.Hosting;
using Tenancy.Storage.Queues;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>The queues and the blob container are handled in Azure as on the local host (SPEC.md "Hosts", R6, R8).</summary>
public class MessageFunctionsTests
{
    private const string ServiceBusConnection = "\"ServiceBusConnection\"";

    // queue → the function consuming it and the shared handler it runs. Only the trigger text is checked:
    // ImportProcessor is not on every branch yet.
    public static TheoryData<string, string, string> ConsumedQueues => new()
    {
        { "incoming-tickets", "IncomingTickets", ".HandleAsync" },
        { "tenant-import-chunks", "ImportChunks", ".HandleChunkAsync" },
    };

    // Queues the app only sends to.
    private static readonly string[] SentQueues = [TicketAssignment.QueueName];

    private static FunctionDeclaration SingleFunction(string name, string? neededBy = null)
    {
        var found = FunctionsSource.Named(name);
        Assert.True(found.Count == 1,
            $"Expected exactly one [Function(\"{name}\")] in {FunctionsSource.ProjectFolder}{(neededBy is null ? "" : $" ({neededBy} names it)")}, found {found.Count}.");
        return found[0];
    }

    private static string Trigger(FunctionDeclaration function, string attribute) =>
        function.AttributeArguments(attribute) ?? throw new Xunit.Sdk.XunitException($"{function} has no [{attribute}(...)] parameter.");

    [Theory]
    [MemberData(nameof(ConsumedQueues))]
    public void Consumed_queue_has_a_service_bus_trigger_that_settles_itself(string queue, string functionName, string handlerCall)
    {
        Assert.Contains(queue, TenancyQueues.Names);
        var function = SingleFunction(functionName);
        var trigger = Trigger(function, "ServiceBusTrigger");

        Assert.True(FunctionsSource.FirstLiteral(trigger) == queue, $"{function}: expected ServiceBusTrigger(\"{queue}\", ...), got ({trigger}).");
        Assert.True(FunctionsSource.NamedArgument(trigger, "Connection") == ServiceBusConnection,
            $"{function}: expected Connection = {ServiceBusConnection} (the app settings' prefix), got ({trigger}).");
        Assert.True(FunctionsSource.NamedArgument(trigger, "AutoCompleteMessages") == "false",
            $"{function}: expected AutoCompleteMessages = false: the function completes or dead-letters the message itself.");
        Assert.True(function.Text.Contains("ServiceBusMessageActions") && function.Text.Contains("MessageSettlement.HandleAsync("),
            $"{function}: expected it to take ServiceBusMessageActions and settle through MessageSettlement.HandleAsync.");
        Assert.True(function.Text.Contains(handlerCall), $"{function}: expected it to run the shared handler ({handlerCall}).");
    }

    [Fact]
    public void Settlement_dead_letters_malformed_messages_and_completes_the_others()
    {
        var settlement = FunctionsSource.Read("MessageSettlement.cs");

        Assert.True(Regex.IsMatch(settlement, @"DeadLetterMessageAsync\([^;]*deadLetterReason:[^;]*deadLetterErrorDescription:"),
            "MessageSettlement: expected DeadLetterMessageAsync(message, deadLetterReason: ..., deadLetterErrorDescription: ...) for a poison outcome.");
        Assert.True(settlement.Contains("CompleteMessageAsync("), "MessageSettlement: expected CompleteMessageAsync for a handled message.");
        Assert.True(settlement.Contains("4096"), "MessageSettlement: expected the description cut to Service Bus's 4096 characters.");
    }

    [Fact]
    public void Every_queue_is_consumed_or_sent_to()
    {
        var consumed = ConsumedQueues.Select(row => (string)row[0]);

        var unaccounted = TenancyQueues.Names.Except(consumed).Except(SentQueues).ToList();

        Assert.True(unaccounted.Count == 0,
            $"Queues the Functions app neither consumes nor sends to: {string.Join(", ", unaccounted)}. Add a ServiceBusTrigger function or list it as sent.");
    }

    [Theory]
    [InlineData(TicketAssignment.QueueName)]
    public void Sent_queue_has_no_consumer_in_the_app(string queue)
    {
        var consumers = FunctionsSource.WithTrigger("ServiceBusTrigger")
            .Where(f => FunctionsSource.FirstLiteral(Trigger(f, "ServiceBusTrigger")) == queue)
            .ToList();

        Assert.True(consumers.Count == 0, $"{queue} is for other systems to read, but {string.Join(", ", consumers)} consume it.");
    }

    [Fact]
    public void Ticket_assignments_are_sent_with_a_service_bus_sender()
    {
        // TicketIntake publishes each assignment through IMessageSender; in Azure that must be Service Bus.
        Assert.Equal("ticket-assignments", TicketAssignment.QueueName);
        var program = FunctionsSource.Read("Program.cs");
        var sender = FunctionsSource.Read("ServiceBusMessageSender.cs");

        Assert.True(Regex.IsMatch(program, @"AddSingleton<\s*IMessageSender\s*,\s*ServiceBusMessageSender\s*>"),
            "Program.cs: expected IMessageSender registered as ServiceBusMessageSender.");
        Assert.True(Regex.IsMatch(sender, @"class\s+ServiceBusMessageSender\b[^{]*:\s*IMessageSender"),
            "ServiceBusMessageSender.cs: expected ServiceBusMessageSender : IMessageSender.");
        Assert.True(sender.Contains("CreateSender") && sender.Contains("MessageId ="),
            "ServiceBusMessageSender.cs: expected a ServiceBusSender per queue and the caller's id as MessageId (duplicate detection).");
    }

    [Fact]
    public void Import_blob_trigger_takes_event_grid_events_on_tenant_imports()
    {
        var container = Regex.Match(RepositoryRoot.ReadAllText("infra", "main.bicep"), @"tenantImportsContainerName\s*=\s*'(?<name>[^']+)'").Groups["name"].Value;
        var function = SingleFunction("ImportTemplateBlob");
        var trigger = Trigger(function, "BlobTrigger");

        Assert.True(FunctionsSource.FirstLiteral(trigger) == $"{container}/{{name}}",
            $"{function}: expected BlobTrigger(\"{container}/{{name}}\", ...) (the container infra/main.bicep creates), got ({trigger}).");
        Assert.True(FunctionsSource.NamedArgument(trigger, "Source") == "BlobTriggerSource.EventGrid",
            $"{function}: expected Source = BlobTriggerSource.EventGrid (the only blob trigger source on Flex Consumption), got ({trigger}).");
        Assert.True(FunctionsSource.NamedArgument(trigger, "Connection") == $"\"{StorageOptions.Section}\"",
            $"{function}: expected Connection = \"{StorageOptions.Section}\" (the app settings' prefix), got ({trigger}).");
        Assert.True(Regex.IsMatch(function.Text, @"\.HandleBlobAsync\(\s*blob\.Name\b"),
            $"{function}: expected it to run ImportProcessor.HandleBlobAsync(blob.Name, ...), the name being \"{{accountId}}/{{file}}\".");
    }

    [Theory]
    [InlineData("postdeploy.sh", @"IMPORT_BLOB_FUNCTION_NAME:-(?<name>\w+)")]
    [InlineData("postdeploy.ps1", @"IMPORT_BLOB_FUNCTION_NAME\s*\}\s*else\s*\{\s*'(?<name>\w+)'")]
    public void Function_the_postdeploy_hook_subscribes_is_the_event_grid_blob_trigger(string script, string pattern)
    {
        var match = Regex.Match(RepositoryRoot.ReadAllText("infra", "hooks", script), pattern);
        Assert.True(match.Success, $"infra/hooks/{script}: no default function name found with /{pattern}/.");
        var name = match.Groups["name"].Value;

        var function = SingleFunction(name, $"infra/hooks/{script}");

        Assert.True(FunctionsSource.NamedArgument(Trigger(function, "BlobTrigger"), "Source") == "BlobTriggerSource.EventGrid",
            $"infra/hooks/{script} subscribes {name} to Event Grid, but {function} is not a BlobTrigger with Source = BlobTriggerSource.EventGrid.");
    }
}

using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Hosting;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.Core.Tickets;
using Tenancy.Excel;
using Tenancy.Functions;
using Tenancy.Hosts.Tests.Support;
using Tenancy.Storage.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>
/// The blob function and the Service Bus settlement run on the worker's host against Azurite (an Azurite of their
/// own: no local host polls it), with messages built by <see cref="ServiceBusModelFactory"/> as Service Bus delivers them.
/// </summary>
public sealed class MessageFunctionsTests(MessageFunctionsTests.Fixture functions) : IClassFixture<MessageFunctionsTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public AzuriteFixture Azurite { get; } = new();
        public CapturingSender Sent { get; } = new();
        public IHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await Azurite.InitializeAsync();
            Host = FunctionsHostFixture.Build(Azurite.ConnectionString, s => s.Replace(ServiceDescriptor.Singleton<IMessageSender>(Sent)));
            await Host.Services.GetRequiredService<BlobImportFileStore>().Container.CreateIfNotExistsAsync();
        }

        public async Task DisposeAsync()
        {
            Host.Dispose();
            await Azurite.DisposeAsync();
        }
    }

    private IHost Host => functions.Host;

    private T Service<T>() where T : notnull => Host.Services.GetRequiredService<T>();

    private MessageTelemetry Telemetry(string queue) => new(queue, NullLogger.Instance, Service<TenancyMetrics>());

    private static ServiceBusReceivedMessage Delivered(string body, string messageId, int deliveryCount = 1) =>
        ServiceBusModelFactory.ServiceBusReceivedMessage(body: BinaryData.FromString(body), messageId: messageId, deliveryCount: deliveryCount);

    private async Task<string> AccountAsync() =>
        (await Service<AccountService>().CreateAsync("Functions", Plan.Msp, CancellationToken.None)).Account.Id;

    [Fact]
    public async Task A_dropped_template_becomes_tenants_through_the_blob_function_and_the_chunk_settlement()
    {
        var accountId = await AccountAsync();
        var file = Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.English),
            ["Alpha", "Ann", "TRUE", "", "ann@alpha.example", "", "", "", "", "alpha.example"],
            ["Beta", "Bob", "TRUE", "", "bob@beta.example", "", "", "", "", ""],
            ["Gamma", "Gus", "TRUE", "", "not-an-email", "", "", "", "", ""]);
        var blob = new BlobContainerClient(functions.Azurite.ConnectionString, BlobImportFileStore.ContainerName).GetBlobClient($"{accountId}/customers.xlsx");
        await blob.UploadAsync(new BinaryData(file));

        await ActivatorUtilities.CreateInstance<ImportFunctions>(Host.Services).ImportTemplateBlob(blob, "customers.xlsx", CancellationToken.None);

        var chunks = functions.Sent.Sent.Where(m => m.Queue == ImportChunk.QueueName && m.Body.Contains(accountId)).ToList();
        Assert.NotEmpty(chunks);
        // Every chunk delivered twice, as Service Bus may: each tenant is still created once.
        foreach (var (_, body, id) in chunks.Concat(chunks))
        {
            var settlement = await MessageSettlement.DecideAsync(Delivered(body, id), Service<ImportProcessor>().HandleChunkAsync, Telemetry(ImportChunk.QueueName), CancellationToken.None);
            Assert.Equal(Settlement.Complete, settlement);
        }

        var job = Assert.Single((await Service<ImportService>().ListAsync(accountId, new PageRequest(10, null), CancellationToken.None)).Items);
        Assert.Equal(ImportStatus.CompletedWithErrors, job.Status);
        Assert.Equal(2, job.CreatedCount);
        Assert.Equal(1, job.FailedCount);
        var tenants = await Service<TenantService>().ListAsync(accountId, null, new PageRequest(50, null), CancellationToken.None);
        Assert.Equal(["Alpha", "Beta"], tenants.Items.Select(t => t.Name));
    }

    [Fact]
    public async Task A_malformed_chunk_is_dead_lettered_with_the_reason()
    {
        var settlement = await MessageSettlement.DecideAsync(Delivered("{\"importId\":", "x-0"), Service<ImportProcessor>().HandleChunkAsync, Telemetry(ImportChunk.QueueName), CancellationToken.None);

        Assert.True(settlement.DeadLetter);
        Assert.Equal(MessageSettlement.MalformedReason, settlement.Reason);
        Assert.False(string.IsNullOrWhiteSpace(settlement.Description));
    }

    [Fact]
    public async Task A_ticket_is_routed_and_its_assignment_published()
    {
        var accountId = await AccountAsync();
        await Service<TenantService>().CreateAsync(accountId,
            new NewTenantRequest("Contoso", null, [new ContactFields("Ann Lee", null, "ann@contoso.example", null, null, null, true)], null, ["contoso.example"]),
            TenantOrigin.Console, CancellationToken.None);
        var ticket = new IncomingTicket(accountId, "T-1", "someone@eu.contoso.example").ToJson();

        var settlement = await MessageSettlement.DecideAsync(Delivered(ticket, "T-1"), Service<TicketIntake>().HandleAsync, Telemetry(IncomingTicket.QueueName), CancellationToken.None);

        Assert.Equal(Settlement.Complete, settlement);
        var published = Assert.Single(functions.Sent.Sent, m => m.Queue == TicketAssignment.QueueName && m.Body.Contains(accountId));
        var assignment = JsonNode.Parse(published.Body)!;
        Assert.Equal("Contoso", (string?)assignment["tenantName"]);
        Assert.Equal("parent", (string?)assignment["match"]);
    }

    [Fact]
    public async Task A_malformed_ticket_is_dead_lettered_with_a_description_service_bus_accepts()
    {
        var huge = "{\"accountId\":\"" + new string('a', 20_000) + "\"";

        var settlement = await MessageSettlement.DecideAsync(Delivered(huge, "T-2", deliveryCount: 3), Service<TicketIntake>().HandleAsync, Telemetry(IncomingTicket.QueueName), CancellationToken.None);

        Assert.True(settlement.DeadLetter);
        Assert.Equal(MessageSettlement.MalformedReason, settlement.Reason);
        Assert.InRange(settlement.Description!.Length, 1, MessageSettlement.MaxDeadLetterDescriptionLength);
        Assert.DoesNotContain(functions.Sent.Sent, m => m.MessageId.Contains("T-2"));
    }
}

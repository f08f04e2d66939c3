using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.PersonalData;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.PersonalData;

/// <summary>
/// R15: kept import files go after 30 days and ticket assignments after 90, by the sweep both hosts run on a timer.
/// A host of its own: a sweep deletes what is old in the whole storage account, other tests' data included.
/// </summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly LocalHostFixture _host = new();

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    private RetentionSweep SweepAt(TimeSpan later, RetentionOptions? options = null) =>
        new(_host.Services.GetRequiredService<IRetentionStore>(), options ?? new RetentionOptions(), new LaterClock(later));

    [Fact]
    public async Task Kept_files_go_after_30_days_and_ticket_assignments_after_90()
    {
        var person = await PlantedPerson.PlantAsync(_host);

        await SweepAt(TimeSpan.FromDays(29)).RunAsync(CancellationToken.None);
        Assert.Single(await FilesAsync(person));

        await SweepAt(TimeSpan.FromDays(31)).RunAsync(CancellationToken.None);
        Assert.Empty(await FilesAsync(person));
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync($"api/tenant-imports/{person.ImportId}/errors")).StatusCode); // stored with the job
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync($"api/tickets/{person.TicketIds[0]}/assignment")).StatusCode);

        await SweepAt(TimeSpan.FromDays(91)).RunAsync(CancellationToken.None);
        foreach (var ticketId in person.TicketIds)
            Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync($"api/tickets/{ticketId}/assignment")).StatusCode);
        var found = await (await person.Client.GetAsync($"api/personal-data?email={Uri.EscapeDataString(person.Email)}")).ReadObjectAsync();
        Assert.Empty(found["ticketAssignments"]!.AsArray());
    }

    [Fact]
    public async Task Retention_periods_are_configurable()
    {
        var person = await PlantedPerson.PlantAsync(_host);

        await SweepAt(TimeSpan.FromDays(3), new RetentionOptions { ImportFileRetentionDays = 2, TicketRetentionDays = 2 }).RunAsync(CancellationToken.None);

        Assert.Empty(await FilesAsync(person));
        Assert.Equal(HttpStatusCode.NotFound, (await person.Client.GetAsync($"api/tickets/{person.TicketIds[0]}/assignment")).StatusCode);
    }

    private static async Task<System.Text.Json.Nodes.JsonArray> FilesAsync(PlantedPerson person) =>
        (await (await person.Client.GetAsync($"api/personal-data?email={Uri.EscapeDataString(person.Email)}")).ReadObjectAsync())["files"]!.AsArray();

    /// <summary>The clock of a sweep run some time from now.</summary>
    private sealed class LaterClock(TimeSpan later) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + later;
    }
}

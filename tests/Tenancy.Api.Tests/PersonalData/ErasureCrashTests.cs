using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tenancy.Core.Audit;
using Tenancy.Core.PersonalData;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Imports;
using Tenancy.Storage.PersonalData;
using Tenancy.Storage.Tables;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.PersonalData;

/// <summary>R15: an erasure that fails midway (storage gone after its first steps) is finished by asking again, never left half done.</summary>
public sealed class ErasureCrashTests : IAsyncLifetime
{
    private readonly FailingOnce _failing = new();
    private LocalHostFixture _host = null!;

    public async Task InitializeAsync()
    {
        _host = new LocalHostFixture
        {
            Configure = b => b.Services.Replace(ServiceDescriptor.Singleton<IPersonalDataStore>(sp =>
                _failing.Wrapping(new TablePersonalDataStore(sp.GetRequiredService<TenancyTables>(), sp.GetRequiredService<BlobImportFileStore>())))),
        };
        await _host.InitializeAsync();
    }

    public Task DisposeAsync() => _host.DisposeAsync();

    [Theory]
    [InlineData(ErasureStep.Imports)]
    [InlineData(ErasureStep.Tickets)]
    public async Task An_erasure_interrupted_midway_is_finished_by_asking_again(ErasureStep failingStep)
    {
        var person = await PlantedPerson.PlantAsync(_host);
        _failing.Step = failingStep;

        var interrupted = await person.Client.PostAsync("api/personal-data/erasures", Http.Json(new { email = person.Email }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, interrupted.StatusCode);
        var contact = await person.Client.GetAsync($"api/tenants/{person.TenantId}");
        Assert.DoesNotContain(person.ContactId, await contact.Content.ReadAsStringAsync()); // the steps before the failure are done

        var resumed = await person.Client.PostAsync("api/personal-data/erasures", Http.Json(new { email = person.Email }));

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        var report = await resumed.ReadObjectAsync();
        Assert.Equal(2, report["contacts"]!.AsArray().Count); // the report of the whole erasure, kept in its record
        Assert.Equal(2, (int)report["ticketAssignments"]!);
        await person.AssertNoTraceAsync();
        Assert.Single(await person.AllAuditEntriesAsync(), e => (string?)e["action"] == "personalData.erased");
    }

    /// <summary>Fails the first call of one step's storage work with an outage, as storage going away would.</summary>
    private sealed class FailingOnce
    {
        public ErasureStep? Step { get; set; }

        public IPersonalDataStore Wrapping(IPersonalDataStore inner) => new Store(inner, this);

        private void Fail(ErasureStep step)
        {
            if (Step != step) return;
            Step = null;
            throw new Azure.RequestFailedException(503, "storage is away (injected)");
        }

        private sealed class Store(IPersonalDataStore inner, FailingOnce failing) : IPersonalDataStore
        {
            public Task<IReadOnlyList<AuditEntry>> FindAuditEntriesAsync(string accountId, PersonalTerms terms, int max, CancellationToken cancellationToken) =>
                inner.FindAuditEntriesAsync(accountId, terms, max, cancellationToken);

            public Task<int> ScrubAuditEntriesAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken) =>
                inner.ScrubAuditEntriesAsync(accountId, terms, cancellationToken);

            public Task<IReadOnlyList<ImportRecordTrace>> FindImportRecordsAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken) =>
                inner.FindImportRecordsAsync(accountId, terms, cancellationToken);

            public async Task<IReadOnlyList<string>> ScrubImportRecordsAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken)
            {
                // Half of the work lands before the outage: the redone step must take it as it finds it.
                var done = await inner.ScrubImportRecordsAsync(accountId, terms, cancellationToken);
                failing.Fail(ErasureStep.Imports);
                return done;
            }

            public Task<IReadOnlyList<KeptImportFile>> ListImportFilesAsync(string accountId, CancellationToken cancellationToken) =>
                inner.ListImportFilesAsync(accountId, cancellationToken);

            public Task<byte[]?> ReadImportFileAsync(string blobName, CancellationToken cancellationToken) => inner.ReadImportFileAsync(blobName, cancellationToken);

            public Task DeleteImportFileAsync(string blobName, CancellationToken cancellationToken) => inner.DeleteImportFileAsync(blobName, cancellationToken);

            public Task<IReadOnlyList<TicketAssignment>> FindAssignmentsFromAsync(string accountId, string emailKey, CancellationToken cancellationToken) =>
                inner.FindAssignmentsFromAsync(accountId, emailKey, cancellationToken);

            public Task<int> ForgetSenderAsync(string accountId, PersonalTerms terms, CancellationToken cancellationToken)
            {
                failing.Fail(ErasureStep.Tickets);
                return inner.ForgetSenderAsync(accountId, terms, cancellationToken);
            }

            public Task<ErasureRecord?> FindErasureAsync(string accountId, string emailKey, CancellationToken cancellationToken) =>
                inner.FindErasureAsync(accountId, emailKey, cancellationToken);

            public Task SaveErasureAsync(string accountId, ErasureRecord erasure, CancellationToken cancellationToken) =>
                inner.SaveErasureAsync(accountId, erasure, cancellationToken);

            public Task DeleteErasureAsync(string accountId, string emailKey, CancellationToken cancellationToken) =>
                inner.DeleteErasureAsync(accountId, emailKey, cancellationToken);
        }
    }
}

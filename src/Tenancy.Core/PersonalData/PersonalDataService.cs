using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Audit;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.Core.Tickets;

namespace Tenancy.Core.PersonalData;

/// <summary>
/// Finds a person everywhere and erases them everywhere (R15). An address is compared by its email key
/// (<see cref="EmailKey"/>), as routing compares it. An erasure is a durable record of steps (<see cref="ErasureRecord"/>),
/// each redone until it is marked done, so a crash midway is finished by asking again.
/// </summary>
public sealed class PersonalDataService(
    ITenantStore tenants, ITicketRoutingIndex routing, IAccessStore access, IPersonalDataStore store, ITemplateReader reader,
    ContactService contacts, IAuditLog auditLog, ICallerKeyCheck callerKey, TimeProvider clock)
{
    /// <summary>Audit entries listed in one answer; <see cref="PersonFound.MoreAuditEntries"/> says when there are more.</summary>
    public const int MaxAuditEntries = 500;

    public async Task<PersonFound> FindAsync(string accountId, string? email, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        var found = await ContactsAsync(accountId, key, cancellationToken);
        var agents = await AgentsAsync(accountId, key, cancellationToken);
        var terms = TermsOf(key, email!, found, agents);
        var entries = await store.FindAuditEntriesAsync(accountId, terms, MaxAuditEntries + 1, cancellationToken);
        var records = await store.FindImportRecordsAsync(accountId, terms, cancellationToken);
        var files = await FilesHoldingAsync(accountId, terms, cancellationToken);
        var jobs = records.Select(r => r.ImportId).Union(files.Select(f => f.File.ImportId)).Order(StringComparer.Ordinal)
            .Select(id => new ImportJobTrace(id,
                (records.FirstOrDefault(r => r.ImportId == id)?.Places ?? []).Concat(files.Any(f => f.File.ImportId == id) ? ["file"] : []).ToList(),
                files.Where(f => f.File.ImportId == id).SelectMany(f => f.Rows).ToList()))
            .ToList();
        var assignments = await store.FindAssignmentsFromAsync(accountId, key, cancellationToken);
        return new PersonFound(key, found, agents, entries.Take(MaxAuditEntries).ToList(), entries.Count > MaxAuditEntries, jobs,
            files.Select(f => f.File).ToList(), assignments);
    }

    /// <summary>
    /// Erases the person: contacts with the address removed, their values pseudonymised in the audit log, import
    /// records rewritten, kept files holding them deleted, ticket assignments from them kept without the address, and one
    /// <c>personalData.erased</c> entry. Refused (<see cref="ConflictException"/>, nothing erased) while an agent has the
    /// address or one of the contacts is its tenant's primary or only contact.
    /// </summary>
    public async Task<ErasureReport> EraseAsync(string accountId, string? email, CancellationToken cancellationToken)
    {
        var key = KeyOf(email);
        // Files and other tables are written outside the account partition's transactions (which check the key).
        await callerKey.EnsureCurrentAsync(cancellationToken);
        var erasure = await store.FindErasureAsync(accountId, key, cancellationToken) ?? await StartAsync(accountId, key, email!, cancellationToken);

        foreach (var step in Enum.GetValues<ErasureStep>())
        {
            if (erasure.IsDone(step)) continue;
            var report = await RunAsync(accountId, erasure, step, cancellationToken);
            erasure = erasure.With(step, report);
            await store.SaveErasureAsync(accountId, erasure, cancellationToken);
        }
        await store.DeleteErasureAsync(accountId, key, cancellationToken);
        return erasure.Report;
    }

    private async Task<ErasureRecord> StartAsync(string accountId, string key, string email, CancellationToken cancellationToken)
    {
        var found = await ContactsAsync(accountId, key, cancellationToken);
        var agents = await AgentsAsync(accountId, key, cancellationToken);
        if (agents.Count > 0)
            throw new ConflictException(
                $"Agent '{agents[0].Id}' has this address: delete the agent first (DELETE /api/agents/{agents[0].Id}), then erase again.",
                "agent-has-address", new Dictionary<string, object?> { ["agentId"] = agents[0].Id });
        if (found.FirstOrDefault(c => c.Contact.IsPrimary || c.TenantContactCount == 1) is { } held)
            throw new ConflictException(
                $"This address is the {(held.TenantContactCount == 1 ? "only" : "primary")} contact of tenant '{held.TenantName}': " +
                (held.TenantContactCount == 1
                    ? "add another contact to the tenant and make it primary, or delete the tenant, then erase again."
                    : "make another contact of the tenant primary, then erase again."),
                "primary-contact", new Dictionary<string, object?> { ["tenantId"] = held.TenantId, ["tenantName"] = held.TenantName });

        var erasure = new ErasureRecord(Ids.New("era"), TermsOf(key, email, found, []), clock.GetUtcNow(), [],
            ErasureReport.Empty with { Contacts = found.Select(c => new ErasedContact(c.TenantId, c.Contact.Id)).ToList() });
        await store.SaveErasureAsync(accountId, erasure, cancellationToken);
        return erasure;
    }

    private async Task<ErasureReport> RunAsync(string accountId, ErasureRecord erasure, ErasureStep step, CancellationToken cancellationToken)
    {
        var (terms, report) = (erasure.Terms, erasure.Report);
        switch (step)
        {
            case ErasureStep.Contacts:
                // First, so that routing by the address stops at once and the removals' own entries are pseudonymised next.
                foreach (var contact in report.Contacts) await RemoveContactAsync(accountId, contact, cancellationToken);
                return report;
            case ErasureStep.Audit:
                return report with { AuditEntries = report.AuditEntries + await store.ScrubAuditEntriesAsync(accountId, terms, cancellationToken) };
            case ErasureStep.Imports:
                return report with { ImportJobs = [.. report.ImportJobs.Union(await store.ScrubImportRecordsAsync(accountId, terms, cancellationToken))] };
            case ErasureStep.Files:
                var deleted = new List<string>();
                foreach (var (file, _) in await FilesHoldingAsync(accountId, terms, cancellationToken))
                {
                    await store.DeleteImportFileAsync(file.BlobName, cancellationToken);
                    deleted.Add(file.ImportId);
                }
                return report with { Files = deleted, ImportJobs = [.. report.ImportJobs.Union(deleted)] };
            case ErasureStep.Tickets:
                return report with { TicketAssignments = await store.ForgetSenderAsync(accountId, terms, cancellationToken) };
            case ErasureStep.Recorded:
                if (report != ErasureReport.Empty && !IsEmpty(report)) await auditLog.AppendOnceAsync(accountId, ErasedEntry(erasure), cancellationToken);
                return report;
            default:
                throw new ArgumentOutOfRangeException(nameof(step));
        }
    }

    private static bool IsEmpty(ErasureReport report) =>
        report.Contacts.Count == 0 && report.AuditEntries == 0 && report.ImportJobs.Count == 0 && report.Files.Count == 0 && report.TicketAssignments == 0;

    /// <summary>The entry that says an erasure happened, with counts and ids only; its id follows the erasure, so a redone step writes it once.</summary>
    private static AuditEntry ErasedEntry(ErasureRecord erasure) => new(
        Ids.Derived("aud", erasure.Id), erasure.StartedAt, AuditActors.Current(), AuditActions.PersonalDataErased, AuditTargets.PersonalData, erasure.Id,
        null, AuditSnapshots.Json(new
        {
            contacts = erasure.Report.Contacts.Count,
            auditEntries = erasure.Report.AuditEntries,
            importJobs = erasure.Report.ImportJobs.Count,
            files = erasure.Report.Files.Count,
            ticketAssignments = erasure.Report.TicketAssignments,
        }));

    private async Task RemoveContactAsync(string accountId, ErasedContact contact, CancellationToken cancellationToken)
    {
        try
        {
            await contacts.RemoveAsync(accountId, contact.TenantId, contact.ContactId, null, cancellationToken);
        }
        catch (NotFoundException)
        {
            // Removed by an earlier run of this erasure (or by someone else): nothing left to remove.
        }
    }

    private async Task<List<ContactOfTenant>> ContactsAsync(string accountId, string key, CancellationToken cancellationToken)
    {
        var index = await routing.FindAsync(accountId, key, [], cancellationToken);
        var found = new List<ContactOfTenant>();
        foreach (var tenantId in index.ContactTenants.Select(t => t.Id).Distinct(StringComparer.Ordinal))
        {
            if (await tenants.FindAsync(accountId, tenantId, cancellationToken) is not { } tenant) continue;
            found.AddRange(tenant.Contacts.Where(c => EmailKey.For(c.Email) == key)
                .Select(c => new ContactOfTenant(tenant.Id, tenant.Name, c, tenant.Contacts.Count)));
        }
        return found;
    }

    private async Task<List<Agent>> AgentsAsync(string accountId, string key, CancellationToken cancellationToken) =>
        (await access.ReadAllAgentsAsync(accountId, cancellationToken)).Select(a => a.Agent).Where(a => EmailKey.For(a.Email) == key).ToList();

    private static PersonalTerms TermsOf(string key, string email, IEnumerable<ContactOfTenant> found, IEnumerable<Agent> agents) =>
        PersonalTerms.Of(key, found.SelectMany(c => new[] { c.Contact.Email, c.Contact.Name, c.Contact.Phone, c.Contact.Notes })
            .Concat(agents.SelectMany(a => new[] { a.Email, a.Name })).Append(email.Trim()));

    private async Task<List<(KeptImportFile File, IReadOnlyList<TemplateRow> Rows)>> FilesHoldingAsync(
        string accountId, PersonalTerms terms, CancellationToken cancellationToken)
    {
        var holding = new List<(KeptImportFile, IReadOnlyList<TemplateRow>)>();
        foreach (var file in await store.ListImportFilesAsync(accountId, cancellationToken))
        {
            if (await store.ReadImportFileAsync(file.BlobName, cancellationToken) is not { } bytes) continue;
            using var stream = new MemoryStream(bytes, writable: false);
            var read = await reader.ReadAsync(stream, cancellationToken);
            // A file that cannot be read as a template holds no row anyone can see (its job failed as a whole).
            var rows = read.Template?.Rows.Where(r => r.Cells.Values.Any(terms.Holds)).ToList() ?? [];
            if (rows.Count > 0) holding.Add((file, rows));
        }
        return holding;
    }

    private static string KeyOf(string? email) =>
        email is { Length: > 0 and <= 320 } && EmailKey.For(email) is { } key
            ? key
            : throw ValidationException.For("email", "Must be an email address, e.g. jane.doe@contoso.com.");
}

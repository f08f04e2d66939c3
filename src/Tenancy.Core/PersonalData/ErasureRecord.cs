namespace Tenancy.Core.PersonalData;

/// <summary>The steps of an erasure, in the order they run (<see cref="PersonalDataService.EraseAsync"/>).</summary>
public enum ErasureStep { Contacts, Audit, Imports, Files, Tickets, Recorded }

/// <summary>
/// An erasure under way (R15), stored before its first step and deleted after its last: a call that finds one
/// redoes the steps not marked done, with the terms read when it started (the contacts that held them are gone by
/// then). It holds the person's values only while the erasure runs.
/// </summary>
public sealed record ErasureRecord(string Id, PersonalTerms Terms, DateTimeOffset StartedAt, IReadOnlyList<ErasureStep> Done, ErasureReport Report)
{
    public bool IsDone(ErasureStep step) => Done.Contains(step);

    public ErasureRecord With(ErasureStep step, ErasureReport report) => this with { Done = [.. Done, step], Report = report };
}

/// <summary>What an erasure did, by place.</summary>
public sealed record ErasureReport(
    IReadOnlyList<ErasedContact> Contacts,
    int AuditEntries,
    IReadOnlyList<string> ImportJobs,
    IReadOnlyList<string> Files,
    int TicketAssignments)
{
    public static readonly ErasureReport Empty = new([], 0, [], [], 0);
}

/// <summary>A contact removed by an erasure, named by ids only.</summary>
public sealed record ErasedContact(string TenantId, string ContactId);

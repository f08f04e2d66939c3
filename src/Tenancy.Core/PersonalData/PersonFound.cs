using Tenancy.Core.Access;
using Tenancy.Core.Audit;
using Tenancy.Core.Contacts;
using Tenancy.Core.Imports;
using Tenancy.Core.Tickets;

namespace Tenancy.Core.PersonalData;

/// <summary>A contact that has the address, with its tenant.</summary>
public sealed record ContactOfTenant(string TenantId, string TenantName, Contact Contact, int TenantContactCount);

/// <summary>An import job that holds the person: its stored records (<see cref="Places"/>) and the rows of its kept file.</summary>
public sealed record ImportJobTrace(string ImportId, IReadOnlyList<string> Places, IReadOnlyList<TemplateRow> Rows);

/// <summary>Every place an address appears (R15): the copy an MSP hands over on an access request.</summary>
public sealed record PersonFound(
    string EmailKey,
    IReadOnlyList<ContactOfTenant> Contacts,
    IReadOnlyList<Agent> Agents,
    IReadOnlyList<AuditEntry> AuditEntries,
    bool MoreAuditEntries,
    IReadOnlyList<ImportJobTrace> ImportJobs,
    IReadOnlyList<KeptImportFile> Files,
    IReadOnlyList<TicketAssignment> TicketAssignments);

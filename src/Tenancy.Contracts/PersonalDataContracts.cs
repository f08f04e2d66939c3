using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Tenancy.Core.Tickets;

namespace Tenancy.Http.Contracts;

[Description("The address of the person whose data is to be erased.")]
public sealed record ErasureBody(
    [property: Required, StringLength(320, MinimumLength = 3), Description("Compared as routing compares addresses: case and +tag ignored.")] string? Email);

[Description("A contact that has the address, with its tenant.")]
public sealed record PersonalContactResponse(string TenantId, string TenantName, ContactResponse Contact);

[Description("One row of a kept import file that holds the person: its number in the sheet and its cells by column.")]
public sealed record PersonalImportRowResponse(int Row, IReadOnlyDictionary<string, string> Cells);

[Description("An import job that holds the person: where (job, errors, errorReport, ledger, undo, file) and the rows of its kept file.")]
public sealed record PersonalImportJobResponse(string Id, IReadOnlyList<string> Places, IReadOnlyList<PersonalImportRowResponse> Rows);

[Description("A kept import file (a blob of the account's folder) that holds the person.")]
public sealed record PersonalFileResponse(string Name, string ImportId, DateTimeOffset StoredAt);

[Description("Every place the address appears (R15): the copy to hand over on an access request.")]
public sealed record PersonalDataResponse(
    [property: Description("The address as compared: its email key.")] string Email,
    IReadOnlyList<PersonalContactResponse> Contacts,
    IReadOnlyList<AgentResponse> Agents,
    [property: Description("Entries whose values or actor hold the person, newest first (at most 500; moreAuditEntries says when there are more).")] IReadOnlyList<AuditEntryResponse> AuditEntries,
    bool MoreAuditEntries,
    IReadOnlyList<PersonalImportJobResponse> ImportJobs,
    IReadOnlyList<PersonalFileResponse> Files,
    [property: Description("Assignments of tickets from this sender.")] IReadOnlyList<TicketAssignment> TicketAssignments);

[Description("A contact an erasure removed, by ids.")]
public sealed record ErasedContactResponse(string TenantId, string ContactId);

[Description("What an erasure did, where; asked again, every list is empty and every count 0.")]
public sealed record ErasureResponse(
    IReadOnlyList<ErasedContactResponse> Contacts,
    [property: Description("Audit entries whose personal values became the pseudonym.")] int AuditEntries,
    [property: Description("Import jobs whose records or file held the person.")] IReadOnlyList<string> ImportJobs,
    [property: Description("Import jobs whose kept file was deleted.")] IReadOnlyList<string> Files,
    [property: Description("Ticket assignments kept without the sender.")] int TicketAssignments);

using Tenancy.Core.Access;
using Tenancy.Core.Signatures;
using Tenancy.Core.Imports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tenancy.Http.Contracts;
using Tenancy.Http.Endpoints;
using Tenancy.Http.OpenApi;

namespace Tenancy.Http;

/// <summary>One HTTP operation: its function name, method, route (under <c>/api</c>) and handler.</summary>
/// <see cref="Operation"/> is what the authorisation rule (<see cref="AccessRule"/>) is asked about for every call of it.
/// <see cref="Sensitive"/>: an agent needs a signed request for it, as the core's one list says
/// (<see cref="Tenancy.Core.Signatures.SensitiveRequests"/>, which the console also reads); routes that are sensitive only
/// for some bodies ask <see cref="SignatureGate"/> in their handler instead.
public sealed record ApiRoute(string Name, string Method, string Template, Delegate Handler, Operation Operation, Action<RouteHandlerBuilder> Describe)
{
    public Tenancy.Core.Signatures.SensitiveOperation? Sensitive { get; } = Tenancy.Core.Signatures.SensitiveRequests.ForRoute(Method, Template);
}

/// <summary>
/// The route table both hosts serve. The local host maps <see cref="All"/>; the Functions project has one
/// function per entry, named <see cref="ApiRoute.Name"/>, on the same template constant.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Tenants = "tenants";
    public const string Tenant = "tenants/{tenantId}";
    public const string TenantExport = "tenants/export";
    public const string Contacts = "tenants/{tenantId}/contacts";
    public const string Contact = "tenants/{tenantId}/contacts/{contactId}";
    public const string DeviceGroups = "device-groups";
    public const string DeviceGroup = "device-groups/{groupId}";
    public const string AssignGroups = "tenants/{tenantId}/device-groups/assign";
    public const string UnassignGroups = "tenants/{tenantId}/device-groups/unassign";
    public const string Devices = "devices";
    public const string Device = "devices/{deviceId}";
    public const string Domains = "tenants/{tenantId}/domains";
    public const string Domain = "tenants/{tenantId}/domains/{domain}";
    public const string RoutingMatch = "ticket-routing/match";
    public const string TicketAssignment = "tickets/{ticketId}/assignment";
    public const string Imports = "tenant-imports";
    public const string ImportTemplate = "tenant-imports/template";
    public const string Import = "tenant-imports/{importId}";
    public const string ImportErrors = "tenant-imports/{importId}/errors";
    public const string Audit = "audit";
    public const string Me = "me";
    public const string Agents = "agents";
    public const string Agent = "agents/{agentId}";
    public const string AgentKey = "agents/{agentId}/api-key";
    public const string AgentInvitations = "agents/{agentId}/invitations";
    public const string AgentIdentity = "agents/{agentId}/identity";
    public const string MyIdentity = "me/identity";
    public const string AgentAccess = "agents/{agentId}/access";
    public const string AgentGroups = "agent-groups";
    public const string AgentGroup = "agent-groups/{agentGroupId}";
    public const string AgentGroupMembers = "agent-groups/{agentGroupId}/members";
    public const string Grants = "access-grants";
    public const string Grant = "access-grants/{grantId}";
    public const string DeviceGroupAccess = "device-groups/{groupId}/access";
    public const string DeviceAccess = "devices/{deviceId}/access";
    public const string ImportErrorItems = "tenant-imports/{importId}/errors/items";
    public const string ImportUndo = "tenant-imports/{importId}/undo";
    public const string AgentSigningKeys = "agents/{agentId}/signing-keys";
    public const string SigningKeyApproval = "signing-keys/{keyId}/approve";
    public const string SigningKey = "signing-keys/{keyId}";
    public const string PersonalData = "personal-data";
    public const string Erasures = "personal-data/erasures";

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("ListTenants", "GET", Tenants, TenantEndpoints.List, Operation.ReadTenants, b => b.WithTags("Tenants")
            .WithSummary("List tenants in name order; search is a name prefix compared as names are (case, invisible characters and look-alike letters ignored).")
            .WithDescription("Tenants in name order, one page at a time, with their counts and primary contact.")
            .Query(QueryParameters.Search).Paged().Produces<ListResponse<TenantListItem>>()),
        new("CreateTenant", "POST", Tenants, TenantEndpoints.Create, Operation.ManageTenants, b => b.WithTags("Tenants")
            .WithSummary("Create a tenant with its contacts (one primary), device groups and domains, atomically. Names are unique ignoring case, spacing, invisible characters (stripped from what is stored) and look-alike letters (NFKC plus Unicode confusables).")
            .WithDescription("Creates the tenant and everything in the body in one transaction: either all of it exists afterwards or none of it. With confirmReassign: true, an agent must sign the request (a move is sensitive: see the Signing keys tag), otherwise 403 urn:tenancy:problem:signature-required.")
            .JsonBody<CreateTenantBody>().Located<TenantResponse>(201, $"/api/tenants/{ApiExamples.TenantId}").ETag()
            .Problems(404).Conflicts("tenant-name-taken", "domain-taken", "device-group-owned-elsewhere", "concurrent-change")),
        new("GetTenant", "GET", Tenant, TenantEndpoints.Get, Operation.ReadTenants, b => b.WithTags("Tenants")
            .WithSummary("Read a tenant with its contacts, device groups and domains; answers an ETag.")
            .WithDescription("The tenant as it is now; its ETag guards later changes (If-Match).")
            .Produces<TenantResponse>().ETag().Problems(404)),
        new("UpdateTenant", "PATCH", Tenant, TenantEndpoints.Update, Operation.ManageTenants, b => b.WithTags("Tenants")
            .WithSummary("Rename a tenant or change its notes (null or absent: unchanged; \"\" clears notes). If-Match guards lost updates.")
            .WithDescription("Changes the fields sent and leaves the others as they are.")
            .JsonBody<PatchTenantBody>().IfMatch().EditSession().Produces<TenantResponse>().ETag()
            .Problems(404).Conflicts("tenant-name-taken", "concurrent-change")),
        new("DeleteTenant", "DELETE", Tenant, TenantEndpoints.Delete, Operation.ManageTenants, b => b.WithTags("Tenants")
            .WithSummary("Delete a tenant: its groups become unassigned and its domains are released.")
            .WithDescription("Deletes the tenant and its contacts. A retried delete finishes an interrupted one.")
            .IfMatch().Produces(204).Problems(404).Conflicts("concurrent-change")),
        new("AddContact", "POST", Contacts, ContactEndpoints.Add, Operation.ManageTenants, b => b.WithTags("Contacts")
            .WithSummary("Add a contact; isPrimary: true demotes the current primary. The answer's ETag is the tenant's.")
            .WithDescription("Adds one contact to the tenant.")
            .JsonBody<ContactBody>().IfMatch().Located<ContactResponse>(201, $"/api/tenants/{ApiExamples.TenantId}/contacts/{ApiExamples.ContactId}").ETag()
            .Problems(404).Conflicts("concurrent-change")),
        new("UpdateContact", "PATCH", Contact, ContactEndpoints.Update, Operation.ManageTenants, b => b.WithTags("Contacts")
            .WithSummary("Change contact fields (null or absent: unchanged; \"\" clears an optional field); isPrimary: true makes it the primary.")
            .WithDescription("Changes the fields sent and leaves the others as they are. The answer's ETag is the tenant's.")
            .JsonBody<ContactPatchBody>().IfMatch().Produces<ContactResponse>().ETag()
            .Problems(404).Conflicts("primary-contact-required", "concurrent-change")),
        new("RemoveContact", "DELETE", Contact, ContactEndpoints.Remove, Operation.ManageTenants, b => b.WithTags("Contacts")
            .WithSummary("Remove a contact; removing the primary promotes the earliest remaining one; the last one cannot be removed (409).")
            .WithDescription("Removes the contact and its email from ticket routing.")
            .IfMatch().Produces(204).Problems(404).Conflicts("last-contact", "concurrent-change")),
        new("ListDeviceGroups", "GET", DeviceGroups, DeviceGroupEndpoints.List, Operation.ReadTenants, b => b.WithTags("Device groups")
            .WithSummary("List device groups, optionally of one tenant (tenantId) or only unassigned ones (unassigned=true).")
            .WithDescription("Device groups, one page at a time.")
            .Query(QueryParameters.TenantFilter, QueryParameters.Unassigned).Paged().Produces<ListResponse<DeviceGroupResponse>>()),
        new("CreateDeviceGroup", "POST", DeviceGroups, DeviceGroupEndpoints.Create, Operation.ManageTenants, b => b.WithTags("Device groups")
            .WithSummary("Create a device group, assigned at once to tenantId when given.")
            .WithDescription("Creates an empty device group.")
            .JsonBody<CreateDeviceGroupBody>().Located<DeviceGroupResponse>(201, $"/api/device-groups/{ApiExamples.GroupId}")
            .Problems(404).Conflicts("concurrent-change")),
        new("DeleteDeviceGroup", "DELETE", DeviceGroup, DeviceGroupEndpoints.Delete, Operation.ManageTenants, b => b.WithTags("Device groups")
            .WithSummary("Delete a group; its devices stay ungrouped, or are deleted with withDevices=true. A retried delete finishes an interrupted one.")
            .WithDescription("Deletes the group, and its devices when asked.")
            .Query(QueryParameters.WithDevices).Produces(204).Problems(404).Conflicts("concurrent-change")),
        new("AssignDeviceGroups", "POST", AssignGroups, DeviceGroupEndpoints.Assign, Operation.ManageTenants, b => b.WithTags("Device groups")
            .WithSummary("Assign groups (and so their devices) to a tenant. A group owned by another tenant gives 409 with the conflicts and the access the move would change (access: losing, gaining) and changes nothing, unless confirmReassign is true. preview: true answers 200 with {conflicts, access} (AssignPreviewResponse) instead of the tenant, and changes nothing.")
            .WithDescription("Assigns all the groups or none of them. With confirmReassign: true, an agent must sign the request (a move is sensitive: see the Signing keys tag), otherwise 403 urn:tenancy:problem:signature-required.")
            .JsonBody<AssignGroupsBody>().Produces<TenantResponse>().Or<AssignPreviewResponse>().ETag()
            .Problems(404).Conflicts("device-group-owned-elsewhere", "concurrent-change")),
        new("UnassignDeviceGroups", "POST", UnassignGroups, DeviceGroupEndpoints.Unassign, Operation.ManageTenants, b => b.WithTags("Device groups")
            .WithSummary("Unassign groups from a tenant; groups not on this tenant are left as they are.")
            .WithDescription("The groups become unassigned, with their devices.")
            .JsonBody<UnassignGroupsBody>().Produces<TenantResponse>().ETag().Problems(404).Conflicts("concurrent-change")),
        new("CreateDevice", "POST", Devices, DeviceEndpoints.Create, Operation.ManageTenants, b => b.WithTags("Devices")
            .WithSummary("Create a device, in a group or ungrouped.")
            .WithDescription("Creates a device; its tenant is its group's.")
            .JsonBody<CreateDeviceBody>().Located<DeviceResponse>(201, $"/api/devices/{ApiExamples.DeviceId}").Problems(404).Conflicts("concurrent-change")),
        new("ListDevices", "GET", Devices, DeviceEndpoints.List, Operation.ReadTenants, b => b.WithTags("Devices")
            .WithSummary("List devices, of one group (groupId) or of one tenant's groups (tenantId).")
            .WithDescription("Devices, one page at a time.")
            .Query(QueryParameters.GroupFilter, QueryParameters.TenantFilter).Paged().Produces<ListResponse<DeviceResponse>>().Problems(404)),
        new("MoveDevice", "PATCH", Device, DeviceEndpoints.Move, Operation.MoveDevices, b => b.WithTags("Devices")
            .WithSummary("Move a device to another group (groupId: null leaves it ungrouped).")
            .WithDescription("The device takes its new group's tenant. A move that takes the device out of its tenant (into another tenant's group, or out of every group) is sensitive like a group move: an agent must sign it (see the Signing keys tag), otherwise 403 urn:tenancy:problem:signature-required.")
            .JsonBody<MoveDeviceBody>().Produces<DeviceResponse>().Problems(404).Conflicts("concurrent-change")),
        new("ListDomains", "GET", Domains, DomainEndpoints.List, Operation.ReadTenants, b => b.WithTags("Domains")
            .WithSummary("A tenant's email domains (lowercase, internationalised names in ASCII form).")
            .WithDescription("Tickets from these domains and their subdomains are routed to the tenant.")
            .Produces<DomainsResponse>().Problems(404)),
        new("ReplaceDomains", "PUT", Domains, DomainEndpoints.Replace, Operation.ManageTenants, b => b.WithTags("Domains")
            .WithSummary("Replace a tenant's domains. A domain owned by another tenant gives 409 naming it, and nothing changes.")
            .WithDescription("The tenant owns exactly the domains sent afterwards.")
            .JsonBody<DomainsBody>().IfMatch().Produces<DomainsResponse>().ETag().Problems(404).Conflicts("domain-taken", "concurrent-change")),
        new("AddDomain", "POST", Domains, DomainEndpoints.Add, Operation.ManageTenants, b => b.WithTags("Domains")
            .WithSummary("Add a domain (no IPs, wildcards, public suffixes or public mailbox providers). Adding one the tenant owns changes nothing.")
            .WithDescription("Adds one domain to the tenant.")
            .JsonBody<DomainBody>().IfMatch().Located<DomainResponse>(201, "/api/tenants/" + ApiExamples.TenantId + "/domains/contoso.fr").ETag()
            .Problems(404).Conflicts("domain-taken", "concurrent-change")),
        new("RemoveDomain", "DELETE", Domain, DomainEndpoints.Remove, Operation.ManageTenants, b => b.WithTags("Domains")
            .WithSummary("Release a domain.")
            .WithDescription("Tickets from the domain are no longer routed to the tenant.")
            .IfMatch().Produces(204).Problems(404).Conflicts("concurrent-change")),
        new("MatchTicketRouting", "GET", RoutingMatch, TicketEndpoints.Match, Operation.Routing, b => b.WithTags("Ticket routing")
            .WithSummary("What routing would do now for a sender (from=, optional senderAuthentication=pass|fail|none; fail is never routed, not even to a contact): match is contact, exact, parent or none, with the reason when none.")
            .WithDescription("Nothing is stored: this is what a ticket from the sender would get now.")
            .Query(QueryParameters.From, QueryParameters.SenderAuthentication).Produces<RoutingMatchResponse>()),
        new("GetTicketAssignment", "GET", TicketAssignment, TicketEndpoints.Assignment, Operation.Routing, b => b.WithTags("Ticket routing")
            .WithSummary("The stored assignment of a ticket, as published on ticket-assignments.")
            .WithDescription("The first routing result of the ticket; a redelivered ticket keeps it.")
            .Produces<Core.Tickets.TicketAssignment>().Problems(404)),
        new("GetImportTemplate", "GET", ImportTemplate, ImportEndpoints.Template, Operation.Imports, b => b.WithTags("Imports")
            .WithSummary("Download the .xlsx import template, in English (lang=en, the default) or French (lang=fr).")
            .WithDescription("An empty template with its headers, validation and an example sheet.")
            .Query(QueryParameters.Language).Spreadsheet("The template workbook.", TemplateFiles.TemplateName(TemplateLanguage.English))),
        new("ExportTenants", "GET", TenantExport, ExportEndpoints.Export, Operation.ReadTenants, b => b.WithTags("Imports")
            .WithSummary("Download every tenant as a filled import template (.xlsx), headers in English (lang=en, the default) or French (lang=fr): one row per contact, the primary first, the tenant's notes and domains on the primary's row. Importing it recreates the same tenants.")
            .WithDescription("Streamed as it is read, in storage order; device groups are not part of the template.")
            .Query(QueryParameters.Language).Spreadsheet("The tenants as a template workbook.", "tenants-2026-11-30.xlsx")),
        new("UploadImport", "POST", Imports, ImportEndpoints.Upload, Operation.Imports, b => b.WithTags("Imports")
            .WithSummary("Upload a filled template (raw .xlsx body, or multipart/form-data with one file): 202 and the queued job; with validateOnly=true, 200 and the same report, nothing created. Files expanding past 50 MiB, nesting XML over 64 deep or holding over 5 million XML elements fail (zip-bomb, too-complex); the compression ratio alone refuses nothing.")
            .WithDescription("Read the job at its Location until its status is completed, completedWithErrors or failed.")
            .Query(QueryParameters.ValidateOnly, QueryParameters.Mode, QueryParameters.FileName).SpreadsheetUpload()
            .Located<ImportJobResponse>(202, $"/api/tenant-imports/{ApiExamples.ImportId}").Produces<ImportJobResponse>(200)),
        new("ListImports", "GET", Imports, ImportEndpoints.List, Operation.Imports, b => b.WithTags("Imports")
            .WithSummary("The account's import jobs, newest first, paged in storage (opaque continuationToken); jobs are kept 90 days (TENANCY_IMPORTS__JobRetentionDays).")
            .WithDescription("Import jobs, one page at a time.")
            .Paged().Produces<ListResponse<ImportJobResponse>>()),
        new("GetImport", "GET", Import, ImportEndpoints.Get, Operation.Imports, b => b.WithTags("Imports")
            .WithSummary("An import job: status (queued, parsing, processing, completed, completedWithErrors, failed), counts, chunk progress, row errors and warnings.")
            .WithDescription("Poll it until status is completed, completedWithErrors or failed.")
            .Produces<ImportJobResponse>().Problems(404)),
        new("GetImportErrors", "GET", ImportErrors, ImportEndpoints.Errors, Operation.Imports, b => b.WithTags("Imports")
            .WithSummary("The rows that were not imported, as a valid template plus an Error column: fix them and upload the file again. Made once when the job has finished, then stored.")
            .WithDescription("In the language asked (lang, else Accept-Language), else in the language of the uploaded file.")
            .Query(QueryParameters.ReportLanguage)
            .Spreadsheet("The refused rows as a template workbook, with an Error column.", TemplateFiles.ErrorReportName(TemplateLanguage.English, ApiExamples.ImportId))
            .Problems(404).Conflicts("import-failed")),
        new("ListAudit", "GET", Audit, AuditEndpoints.List, Operation.ReadAudit, b => b.WithTags("Audit")
            .WithSummary("The audit log: every change with its actor, time, target and before/after values, newest first, paged in storage; filtered by time (from inclusive, to exclusive), target and actor. Entries are kept forever; no route edits or deletes one.")
            .WithDescription("Reads record nothing. Assigning or unassigning device groups is one entry on the tenant, listing the groups.")
            .Query(QueryParameters.AuditFrom, QueryParameters.AuditTo, QueryParameters.TargetId, QueryParameters.ActorId)
            .Paged().Produces<ListResponse<AuditEntryResponse>>()),
        new("FindPersonalData", "GET", PersonalData, PersonalDataEndpoints.Find, Operation.PersonalData, b => b.WithTags("Personal data")
            .WithSummary("Every place an address appears: contacts with their tenants, agents, audit entries, import jobs with the rows of their kept files, kept files, ticket assignments from that sender.")
            .WithDescription("The copy to hand over on an access request (GDPR Art. 15). Reads record nothing.")
            .Query(QueryParameters.Email).Produces<PersonalDataResponse>()),
        new("ErasePersonalData", "POST", Erasures, PersonalDataEndpoints.Erase, Operation.PersonalData, b => b.WithTags("Personal data")
            .WithSummary("Erase a person everywhere (GDPR Art. 17): contacts removed, audit values pseudonymised (erased-{hash}; entries stay), import records rewritten, kept files holding them deleted, ticket assignments kept without the sender. Asking again answers what is left: nothing.")
            .WithDescription("Refused with 409 while the address is a tenant's primary or only contact, or an agent's; nothing is erased then. A crash midway is finished by asking again. An agent must sign the request (see the Signing keys tag).")
            .JsonBody<ErasureBody>().Produces<ErasureResponse>().Conflicts("primary-contact", "agent-has-address")),
        new("GetMe", "GET", Me, AccessEndpoints.Me, Operation.ReadSelf, b => b.WithTags("Agents and access")
            .WithSummary("Who the caller is: the account key (kind account) or an agent, with its role.")
            .WithDescription("Works on every plan.")
            .Produces<MeResponse>()),
        new("CreateAgent", "POST", Agents, AccessEndpoints.CreateAgent, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("Create an agent (administrator or technician) with its own API key, shown only in this answer.")
            .WithDescription("The key is 256 random bits, stored as its SHA-256.")
            .JsonBody<CreateAgentBody>().Located<CreatedAgentResponse>(201, $"/api/agents/{ApiExamples.AgentId}")),
        new("ListAgents", "GET", Agents, AccessEndpoints.ListAgents, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("The account's agents, by name, in one page.")
            .WithDescription("Every agent, never its key.")
            .Produces<ListResponse<AgentResponse>>()),
        new("GetAgent", "GET", Agent, AccessEndpoints.GetAgent, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("An agent.").WithDescription("Never its key.")
            .Produces<AgentResponse>().Problems(404)),
        new("UpdateAgent", "PATCH", Agent, AccessEndpoints.UpdateAgent, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("Change an agent's name, email or role; a role change counts from its next request.")
            .WithDescription("Absent or null fields are unchanged. Changing the role is sensitive: an agent must sign the request, otherwise 403 urn:tenancy:problem:signature-required.")
            .JsonBody<PatchAgentBody>().Produces<AgentResponse>().Problems(404).Conflicts("concurrent-change")),
        new("DeleteAgent", "DELETE", Agent, AccessEndpoints.DeleteAgent, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("Delete an agent: its key fails from the very next request; its grants and memberships go.")
            .WithDescription("On every instance at once: each agent request reads its agent row.")
            .Produces(204).Problems(404).Conflicts("concurrent-change")),
        new("RotateAgentKey", "POST", AgentKey, AccessEndpoints.RotateAgentKey, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("Give an agent a new API key (shown only in this answer); the previous key fails from the very next request.")
            .WithDescription("The agent keeps its grants.")
            .Produces<ApiKeyResponse>().Problems(404).Conflicts("concurrent-change")),
        new("CreateInvitation", "POST", AgentInvitations, IdentityEndpoints.CreateInvitation, Operation.ManageAccess, b => b.WithTags("Sign-in with work accounts")
            .WithSummary("Invite a person to sign in as this agent with their work account (R14): a one-time code, valid 7 days, shown only in this answer.")
            .WithDescription("The code is 256 random bits, stored as its SHA-256. Sensitive: an agent must sign the request, otherwise 403 urn:tenancy:problem:signature-required.")
            .Produces<InvitationResponse>(201).Problems(404)),
        new("LinkIdentity", "POST", MyIdentity, IdentityEndpoints.LinkIdentity, Operation.ReadSelf, b => b.WithTags("Sign-in with work accounts")
            .WithSummary("Present an invitation's code with your work account's OpenID Connect token: from then on that identity is the invitation's agent. The one route a token linked to no agent may call.")
            .WithDescription("Answers the caller as GET /api/me does. An unknown or expired code is 400; a used one, an identity or agent linked already is 409; nothing is linked then. Identities are (issuer, subject), for Microsoft Entra ID (tid, oid); never an email.")
            .JsonBody<LinkIdentityBody>().Produces<MeResponse>().Conflicts("invitation-used", "identity-linked", "agent-linked", "concurrent-change")),
        new("UnlinkIdentity", "DELETE", AgentIdentity, IdentityEndpoints.UnlinkIdentity, Operation.ManageAccess, b => b.WithTags("Sign-in with work accounts")
            .WithSummary("Unlink the agent's work account: its tokens are refused from the very next request, on every instance.")
            .WithDescription("Sensitive: an agent must sign the request, otherwise 403 urn:tenancy:problem:signature-required. An agent with no linked work account answers 204 too.")
            .Produces(204).Problems(404).Conflicts("concurrent-change")),
        new("CreateAgentGroup", "POST", AgentGroups, AccessEndpoints.CreateAgentGroup, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary($"Create an agent group with its members (at most {AccessLimits.MaxMembersPerGroup}).")
            .WithDescription("A grant to the group reaches each member.")
            .JsonBody<CreateAgentGroupBody>().Located<AgentGroupResponse>(201, $"/api/agent-groups/{ApiExamples.AgentGroupId}").Problems(404).Conflicts("concurrent-change")),
        new("ListAgentGroups", "GET", AgentGroups, AccessEndpoints.ListAgentGroups, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("The account's agent groups, by name, in one page.").WithDescription("With their members.")
            .Produces<ListResponse<AgentGroupResponse>>()),
        new("GetAgentGroup", "GET", AgentGroup, AccessEndpoints.GetAgentGroup, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("An agent group.").WithDescription("With its members.")
            .Produces<AgentGroupResponse>().Problems(404)),
        new("RenameAgentGroup", "PATCH", AgentGroup, AccessEndpoints.RenameAgentGroup, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("Rename an agent group.").WithDescription("Members and grants stay.")
            .JsonBody<PatchAgentGroupBody>().Produces<AgentGroupResponse>().Problems(404).Conflicts("concurrent-change")),
        new("SetAgentGroupMembers", "PUT", AgentGroupMembers, AccessEndpoints.SetAgentGroupMembers, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary($"Replace an agent group's members (at most {AccessLimits.MaxMembersPerGroup}); each joins or leaves with the group's grants at once.")
            .WithDescription("One member per transaction; a repeated call finishes an interrupted one.")
            .JsonBody<AgentGroupMembersBody>().Produces<AgentGroupResponse>().Problems(404).Conflicts("concurrent-change")),
        new("DeleteAgentGroup", "DELETE", AgentGroup, AccessEndpoints.DeleteAgentGroup, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("Delete an agent group: its grants go, its members lose what they reached through it.")
            .WithDescription("The agents stay.")
            .Produces(204).Problems(404).Conflicts("concurrent-change")),
        new("CreateGrant", "POST", Grants, AccessEndpoints.CreateGrant, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("Grant an agent or agent group allTenants, a tenant (and the groups it owns at each request) or a device group (wherever it goes). The same grant again answers 200 with the existing one.")
            .WithDescription($"At most {AccessLimits.MaxGrantsPerGroup} grants per agent group, {AccessLimits.MaxGrantsPerAgent} per agent.")
            .JsonBody<CreateGrantBody>().Located<GrantResponse>(201, $"/api/access-grants/{ApiExamples.GrantId}").Produces<GrantResponse>(200)
            .Problems(404).Conflicts("concurrent-change")),
        new("ListGrants", "GET", Grants, AccessEndpoints.ListGrants, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("The grants in force, oldest first, optionally of one agent, agent group, tenant or device group.")
            .WithDescription("Removed grants are not listed (they count for at= answers).")
            .Query(QueryParameters.AgentFilter, QueryParameters.AgentGroupFilter, QueryParameters.TenantGrantFilter, QueryParameters.DeviceGroupFilter)
            .Produces<ListResponse<GrantResponse>>()),
        new("DeleteGrant", "DELETE", Grant, AccessEndpoints.DeleteGrant, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("Remove a grant: it reaches nothing from the very next request.")
            .WithDescription("The grant is kept, marked removed, for at= answers.")
            .Produces(204).Problems(404).Conflicts("concurrent-change")),
        new("GetAgentAccess", "GET", AgentAccess, AccessEndpoints.AgentAccess, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("What an agent reaches, each tenant and device group with the grants it comes from (via); with at=, as it stood then.")
            .WithDescription("An administrator reaches everything by its role: allTenants true, no entries.")
            .Query(QueryParameters.At).Produces<AgentAccessResponse>().Problems(404)),
        new("GetDeviceGroupAccess", "GET", DeviceGroupAccess, AccessEndpoints.DeviceGroupAccess, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("The agents who reach a device group, each with why (via; empty for administrators, by role); with at=, as it stood then.")
            .WithDescription("Through allTenants, a grant on the group, or a grant on the tenant that owned it.")
            .Query(QueryParameters.At).Produces<ReachingAgentsResponse>().Problems(404)),
        new("GetDeviceAccess", "GET", DeviceAccess, AccessEndpoints.DeviceAccess, Operation.ManageAccess, b => b.WithTags("Agents and access")
            .WithSummary("The agents who reach a device (through its group), each with why; with at=, as it stood then.")
            .WithDescription("An ungrouped device is reached through allTenants only.")
            .Query(QueryParameters.At).Produces<ReachingAgentsResponse>().Problems(404)),
        new("ListImportErrors", "GET", ImportErrorItems, ImportEndpoints.ErrorItems, Operation.Imports, b => b.WithTags("Imports")
            .WithSummary("Every error of an import job, one page at a time (the job itself carries the first 100 and errorCount): the file's own errors by row, then those met while creating tenants.")
            .WithDescription("Messages and columns are cut to 400 and 100 characters; a value quoted in a message to 60.")
            .Paged().Produces<ListResponse<ImportIssueResponse>>().Problems(404)),
        new("UndoImport", "POST", ImportUndo, ImportEndpoints.Undo, Operation.Imports, b => b.WithTags("Imports")
            .WithSummary("Undo a finished import: 202, and the job becomes undoing, then undone. Tenants it created are removed and tenants it updated get their notes, contacts and domains back, except those changed since (kept, listed in undo.kept). Safe to repeat.")
            .WithDescription("Read the job at its Location until its status is undone. Undoing deletes tenants, so an agent must sign the request (see the Signing keys tag); the audit log records who asked (import.undoRequested), and the deletions that follow as the system acting for the import.")
            .Located<ImportJobResponse>(202, $"/api/tenant-imports/{ApiExamples.ImportId}").Problems(404).Conflicts("import-not-finished")),
        new("RegisterSigningKey", "POST", AgentSigningKeys, SigningKeyEndpoints.Register, Operation.SigningKeys, b => b.WithTags("Signing keys")
            .WithSummary("Register a signing key for the calling agent (its own id only): the public half of an EC P-256 key pair, as a JWK. It starts pending; the same key again answers 200 with the existing one.")
            .WithDescription("Signing keys confirm sensitive operations (RFC 9421 signatures): a stolen API key alone cannot perform them. The private key stays on the agent's device.")
            .JsonBody<RegisterSigningKeyBody>().Located<SigningKeyResponse>(201, $"/api/agents/{ApiExamples.AgentId}/signing-keys").Produces<SigningKeyResponse>()
            .Problems(404)),
        new("ListSigningKeys", "GET", AgentSigningKeys, SigningKeyEndpoints.List, Operation.SigningKeys, b => b.WithTags("Signing keys")
            .WithSummary("An agent's signing keys with their fingerprints and status, for the agent itself, an administrator or the account key.")
            .WithDescription("Oldest first; revoked keys included.")
            .Produces<SigningKeysResponse>().Problems(404)),
        new("ApproveSigningKey", "POST", SigningKeyApproval, SigningKeyEndpoints.Approve, Operation.ManageAccess, b => b.WithTags("Signing keys")
            .WithSummary("Approve a pending signing key; nobody approves their own. Approving an approved key changes nothing; a revoked key cannot be approved (409).")
            .WithDescription("Compare the fingerprint with the one the agent's device shows before approving.")
            .Produces<SigningKeyResponse>().Problems(404).Conflicts("signing-key-revoked")),
        new("RevokeSigningKey", "DELETE", SigningKey, SigningKeyEndpoints.Revoke, Operation.SigningKeys, b => b.WithTags("Signing keys")
            .WithSummary("Revoke a signing key at once (the key's own agent, an administrator or the account key). Revoking a revoked key changes nothing.")
            .WithDescription("Signatures of a revoked key are refused from the next request on. Revoking another agent's key is sensitive: an administrator must sign the request (see the Signing keys tag), otherwise 403 urn:tenancy:problem:signature-required; an agent revokes its own keys without a signature.")
            .Produces(204).Problems(404)),
    ];

    private static readonly Dictionary<string, (ApiRoute Route, Microsoft.AspNetCore.Routing.Template.TemplateMatcher Matcher)[]> MatchersByMethod = All
        // Literal segments before parameters, so that tenant-imports/template is not taken for tenant-imports/{importId}.
        .OrderBy(r => r.Template.Count(c => c == '{'))
        .Select(r => (Route: r, Matcher: new Microsoft.AspNetCore.Routing.Template.TemplateMatcher(
            Microsoft.AspNetCore.Routing.Template.TemplateParser.Parse($"{Prefix}/{r.Template}"), new Microsoft.AspNetCore.Routing.RouteValueDictionary())))
        .GroupBy(m => m.Route.Method, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>The route a request is for (by method and path, the same way on both hosts), or null.</summary>
    public static ApiRoute? Find(string method, Microsoft.AspNetCore.Http.PathString path)
    {
        if (!MatchersByMethod.TryGetValue(method, out var matchers)) return null;
        var values = new Microsoft.AspNetCore.Routing.RouteValueDictionary();
        foreach (var (route, matcher) in matchers)
        {
            if (matcher.TryMatch(path, values)) return route;
            values.Clear();
        }
        return null;
    }

    public static IEndpointRouteBuilder MapTenancyApi(this IEndpointRouteBuilder app)
    {
        foreach (var route in All)
        {
            var builder = app.MapMethods($"/{Prefix}/{route.Template}", [route.Method], route.Handler).WithName(route.Name);
            route.Describe(builder.CommonProblems().Roles(route.Operation).Signed(route.Sensitive));
        }
        return app;
    }
}

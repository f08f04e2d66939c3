using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.OpenApi;
using Tenancy.Http.Contracts;
using Tenancy.Http.Endpoints;

namespace Tenancy.Http;

/// <summary>One HTTP operation: its function name, method, route (under <c>/api</c>) and handler.</summary>
public sealed record ApiRoute(string Name, string Method, string Template, Delegate Handler, Action<RouteHandlerBuilder> Describe);

/// <summary>
/// The route table both hosts serve. The local host maps <see cref="All"/>; the Functions project has one
/// function per entry, named <see cref="ApiRoute.Name"/>, on the same template constant.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public const string Tenants = "tenants";
    public const string Tenant = "tenants/{tenantId}";
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

    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("ListTenants", "GET", Tenants, TenantEndpoints.List, b => b.WithTags("Tenants")
            .WithSummary("List tenants in name order; search is a name prefix compared as names are (case, invisible characters and look-alike letters ignored).")
            .Produces<ListResponse<TenantListItem>>().ProducesProblem(400)),
        new("CreateTenant", "POST", Tenants, TenantEndpoints.Create, b => b.WithTags("Tenants")
            .WithSummary("Create a tenant with its contacts (one primary), device groups and domains, atomically. Names are unique ignoring case, spacing, invisible characters (stripped from what is stored) and look-alike letters (NFKC plus Unicode confusables).")
            .JsonBody<CreateTenantBody>().Produces<TenantResponse>(201)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415)),
        new("GetTenant", "GET", Tenant, TenantEndpoints.Get, b => b.WithTags("Tenants")
            .WithSummary("Read a tenant with its contacts, device groups and domains; answers an ETag.")
            .Produces<TenantResponse>().ProducesProblem(404)),
        new("UpdateTenant", "PATCH", Tenant, TenantEndpoints.Update, b => b.WithTags("Tenants")
            .WithSummary("Rename a tenant or change its notes (null or absent: unchanged; \"\" clears notes). If-Match guards lost updates.")
            .JsonBody<PatchTenantBody>().Produces<TenantResponse>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)),
        new("DeleteTenant", "DELETE", Tenant, TenantEndpoints.Delete, b => b.WithTags("Tenants")
            .WithSummary("Delete a tenant: its groups become unassigned and its domains are released.")
            .Produces(204).ProducesProblem(404).ProducesProblem(412)),
        new("AddContact", "POST", Contacts, ContactEndpoints.Add, b => b.WithTags("Contacts")
            .WithSummary("Add a contact; isPrimary: true demotes the current primary. The answer's ETag is the tenant's.")
            .JsonBody<ContactBody>().Produces<ContactResponse>(201)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(412)),
        new("UpdateContact", "PATCH", Contact, ContactEndpoints.Update, b => b.WithTags("Contacts")
            .WithSummary("Change contact fields (null or absent: unchanged; \"\" clears an optional field); isPrimary: true makes it the primary.")
            .JsonBody<ContactBody>().Produces<ContactResponse>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)),
        new("RemoveContact", "DELETE", Contact, ContactEndpoints.Remove, b => b.WithTags("Contacts")
            .WithSummary("Remove a contact; removing the primary promotes the earliest remaining one; the last one cannot be removed (409).")
            .Produces(204).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)),
        new("ListDeviceGroups", "GET", DeviceGroups, DeviceGroupEndpoints.List, b => b.WithTags("Device groups")
            .WithSummary("List device groups, optionally of one tenant (tenantId) or only unassigned ones (unassigned=true).")
            .Produces<ListResponse<DeviceGroupResponse>>().ProducesProblem(400)),
        new("CreateDeviceGroup", "POST", DeviceGroups, DeviceGroupEndpoints.Create, b => b.WithTags("Device groups")
            .WithSummary("Create a device group, assigned at once to tenantId when given.")
            .JsonBody<CreateDeviceGroupBody>().Produces<DeviceGroupResponse>(201).ProducesProblem(400).ProducesProblem(404)),
        new("DeleteDeviceGroup", "DELETE", DeviceGroup, DeviceGroupEndpoints.Delete, b => b.WithTags("Device groups")
            .WithSummary("Delete a group; its devices stay ungrouped, or are deleted with withDevices=true. A retried delete finishes an interrupted one.")
            .Produces(204).ProducesProblem(404)),
        new("AssignDeviceGroups", "POST", AssignGroups, DeviceGroupEndpoints.Assign, b => b.WithTags("Device groups")
            .WithSummary("Assign groups (and so their devices) to a tenant. A group owned by another tenant gives 409 with the conflicts and changes nothing, unless confirmReassign is true.")
            .JsonBody<AssignGroupsBody>().Produces<TenantResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409)),
        new("UnassignDeviceGroups", "POST", UnassignGroups, DeviceGroupEndpoints.Unassign, b => b.WithTags("Device groups")
            .WithSummary("Unassign groups from a tenant; groups not on this tenant are left as they are.")
            .JsonBody<UnassignGroupsBody>().Produces<TenantResponse>().ProducesProblem(400).ProducesProblem(404)),
        new("CreateDevice", "POST", Devices, DeviceEndpoints.Create, b => b.WithTags("Devices")
            .WithSummary("Create a device, in a group or ungrouped.")
            .JsonBody<CreateDeviceBody>().Produces<DeviceResponse>(201).ProducesProblem(400).ProducesProblem(404)),
        new("ListDevices", "GET", Devices, DeviceEndpoints.List, b => b.WithTags("Devices")
            .WithSummary("List devices, of one group (groupId) or of one tenant's groups (tenantId).")
            .Produces<ListResponse<DeviceResponse>>().ProducesProblem(400).ProducesProblem(404)),
        new("MoveDevice", "PATCH", Device, DeviceEndpoints.Move, b => b.WithTags("Devices")
            .WithSummary("Move a device to another group (groupId: null leaves it ungrouped).")
            .JsonBody<MoveDeviceBody>().Produces<DeviceResponse>().ProducesProblem(400).ProducesProblem(404)),
        new("ListDomains", "GET", Domains, DomainEndpoints.List, b => b.WithTags("Domains")
            .WithSummary("A tenant's email domains (lowercase, internationalised names in ASCII form).")
            .Produces<DomainsResponse>().ProducesProblem(404)),
        new("ReplaceDomains", "PUT", Domains, DomainEndpoints.Replace, b => b.WithTags("Domains")
            .WithSummary("Replace a tenant's domains. A domain owned by another tenant gives 409 naming it, and nothing changes.")
            .JsonBody<DomainsBody>().Produces<DomainsResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)),
        new("AddDomain", "POST", Domains, DomainEndpoints.Add, b => b.WithTags("Domains")
            .WithSummary("Add a domain (no IPs, wildcards, public suffixes or public mailbox providers). Adding one the tenant owns changes nothing.")
            .JsonBody<DomainBody>().Produces<DomainResponse>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(412)),
        new("RemoveDomain", "DELETE", Domain, DomainEndpoints.Remove, b => b.WithTags("Domains")
            .WithSummary("Release a domain.")
            .Produces(204).ProducesProblem(404).ProducesProblem(412)),
        new("MatchTicketRouting", "GET", RoutingMatch, TicketEndpoints.Match, b => b.WithTags("Ticket routing")
            .WithSummary("What routing would do now for a sender (from=, optional senderAuthentication=pass|fail|none; fail is never routed, not even to a contact): match is contact, exact, parent or none, with the reason when none.")
            .Produces<RoutingMatchResponse>().ProducesProblem(400)),
        new("GetTicketAssignment", "GET", TicketAssignment, TicketEndpoints.Assignment, b => b.WithTags("Ticket routing")
            .WithSummary("The stored assignment of a ticket, as published on ticket-assignments.")
            .Produces<Core.Tickets.TicketAssignment>().ProducesProblem(404)),
        new("GetImportTemplate", "GET", ImportTemplate, ImportEndpoints.Template, b => b.WithTags("Imports")
            .WithSummary("Download the .xlsx import template, in English (lang=en, the default) or French (lang=fr).")
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesProblem(400)),
        new("UploadImport", "POST", Imports, ImportEndpoints.Upload, b => b.WithTags("Imports")
            .WithSummary("Upload a filled template (raw .xlsx body, or multipart/form-data with one file): 202 and the queued job; with validateOnly=true, 200 and the same report, nothing created. Files expanding past 50 MiB, nesting XML over 64 deep or holding over 5 million XML elements fail (zip-bomb, too-complex); the compression ratio alone refuses nothing.")
            .AddOpenApiOperationTransformer((op, _, _) =>
            {
                op.RequestBody = new Microsoft.OpenApi.OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, Microsoft.OpenApi.OpenApiMediaType>
                    {
                        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = new(),
                        ["multipart/form-data"] = new(),
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<ImportJobResponse>(202).Produces<ImportJobResponse>(200)
            .ProducesProblem(400).ProducesProblem(413).ProducesProblem(415)),
        new("ListImports", "GET", Imports, ImportEndpoints.List, b => b.WithTags("Imports")
            .WithSummary("The account's import jobs, newest first, paged in storage (opaque continuationToken); jobs are kept 90 days (TENANCY_IMPORTS__JobRetentionDays).")
            .Produces<ListResponse<ImportJobResponse>>().ProducesProblem(400)),
        new("GetImport", "GET", Import, ImportEndpoints.Get, b => b.WithTags("Imports")
            .WithSummary("An import job: status (queued, parsing, processing, completed, completedWithErrors, failed), counts, chunk progress, row errors and warnings.")
            .Produces<ImportJobResponse>().ProducesProblem(404)),
        new("GetImportErrors", "GET", ImportErrors, ImportEndpoints.Errors, b => b.WithTags("Imports")
            .WithSummary("The rows that were not imported, as a valid template plus an Error column: fix them and upload the file again. Made once when the job has finished, then stored.")
            .Produces(200, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesProblem(404).ProducesProblem(409)),
    ];

    public static IEndpointRouteBuilder MapTenancyApi(this IEndpointRouteBuilder app)
    {
        foreach (var route in All)
        {
            var builder = app.MapMethods($"/{Prefix}/{route.Template}", [route.Method], route.Handler).WithName(route.Name);
            route.Describe(builder);
        }
        return app;
    }
}

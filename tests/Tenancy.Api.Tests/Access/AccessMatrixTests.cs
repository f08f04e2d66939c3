using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Tenancy.Api.Tests.Imports;
using Tenancy.Core.Access;
using Tenancy.Http;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Access;

/// <summary>
/// R10, table-driven: every route of <see cref="ApiRoutes.All"/>, called by every kind of principal, answers exactly
/// the status its role and reach allow, and no answer to a technician holds an id outside its reach.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class AccessMatrixTests(LocalHostFixture host)
{
    public enum Principal { Account, Administrator, TechnicianAllTenants, TechnicianOneTenant, TechnicianOneGroup, TechnicianNone, OtherAccountsAgent }

    /// <summary>The fixed data: tenant A (groups gA, gA2; device dA), tenant B (group gB; device dB), unassigned gU (device dU).</summary>
    private sealed class World
    {
        public required HttpClient Owner;
        public required Dictionary<Principal, HttpClient> Clients;
        public required string A, B, GA, GA2, GB, GU, DA, DB, DU, TechTenantId;
        public IEnumerable<string> All => [A, B, GA, GA2, GB, GU, DA, DB, DU];

        /// <summary>The ids a principal must never see.</summary>
        public IReadOnlyList<string> OutOfReach(Principal p) => p switch
        {
            Principal.TechnicianOneTenant => [B, GB, GU, DB, DU],
            Principal.TechnicianOneGroup => [A, GA, GA2, DA, B, GU, DU],
            Principal.TechnicianNone or Principal.OtherAccountsAgent => All.ToList(),
            _ => [],
        };

        public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 13)];
    }

    private sealed record Call(string Method, string Path, object? Body = null, byte[]? Xlsx = null);

    /// <summary>How a route's id routes answer a reader: every reader 200, or only those that reach tenant A (others 404).</summary>
    private enum ReadKind { Everyone, ReachesTenantA }

    /// <summary><paramref name="Status"/>: for routes whose answer depends on who calls beyond role and reach (an agent's own signing keys).</summary>
    private sealed record Case(Func<World, Task<Call>> Make, int Success, ReadKind Read = ReadKind.Everyone, Func<Principal, int>? Status = null);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["ListTenants"] = new(w => Task.FromResult(new Call("GET", "api/tenants")), 200),
        ["CreateTenant"] = new(w => Task.FromResult(new Call("POST", "api/tenants", Http.Tenant(World.Unique("New")))), 201),
        ["GetTenant"] = new(w => Task.FromResult(new Call("GET", $"api/tenants/{w.A}")), 200, ReadKind.ReachesTenantA),
        ["UpdateTenant"] = new(async w => new Call("PATCH", $"api/tenants/{await Throwaway(w)}", new { notes = "x" }), 200),
        ["DeleteTenant"] = new(async w => new Call("DELETE", $"api/tenants/{await Throwaway(w)}"), 204),
        ["AddContact"] = new(async w => new Call("POST", $"api/tenants/{await Throwaway(w)}/contacts", new { name = "Cy" }), 201),
        ["UpdateContact"] = new(async w => { var (t, c) = await ThrowawayWithContactsAsync(w); return new Call("PATCH", $"api/tenants/{t}/contacts/{c}", new { role = "CTO" }); }, 200),
        ["RemoveContact"] = new(async w => { var (t, c) = await ThrowawayWithContactsAsync(w); return new Call("DELETE", $"api/tenants/{t}/contacts/{c}"); }, 204),
        ["ListDeviceGroups"] = new(w => Task.FromResult(new Call("GET", "api/device-groups")), 200),
        ["CreateDeviceGroup"] = new(w => Task.FromResult(new Call("POST", "api/device-groups", new { name = "G" })), 201),
        ["DeleteDeviceGroup"] = new(async w => new Call("DELETE", $"api/device-groups/{await w.Owner.CreateGroupAsync("Spare")}"), 204),
        ["AssignDeviceGroups"] = new(async w => new Call("POST", $"api/tenants/{await Throwaway(w)}/device-groups/assign", new { groupIds = new[] { await w.Owner.CreateGroupAsync("Spare") } }), 200),
        ["UnassignDeviceGroups"] = new(async w => new Call("POST", $"api/tenants/{await Throwaway(w)}/device-groups/unassign", new { groupIds = new[] { w.GU } }), 200),
        ["CreateDevice"] = new(w => Task.FromResult(new Call("POST", "api/devices", new { name = "PC", groupId = (string?)null })), 201),
        ["ListDevices"] = new(w => Task.FromResult(new Call("GET", "api/devices")), 200),
        ["MoveDevice"] = new(w => Task.FromResult(new Call("PATCH", $"api/devices/{w.DA}", new { groupId = w.GA2 })), 200, ReadKind.ReachesTenantA),
        ["ListDomains"] = new(w => Task.FromResult(new Call("GET", $"api/tenants/{w.A}/domains")), 200, ReadKind.ReachesTenantA),
        ["ReplaceDomains"] = new(async w => new Call("PUT", $"api/tenants/{await Throwaway(w)}/domains", new { domains = new[] { $"r{Guid.NewGuid():N}.example" } }), 200),
        ["AddDomain"] = new(async w => new Call("POST", $"api/tenants/{await Throwaway(w)}/domains", new { domain = $"a{Guid.NewGuid():N}.example" }), 201),
        ["RemoveDomain"] = new(async w =>
        {
            var domain = $"d{Guid.NewGuid():N}.example";
            var tenant = await w.Owner.PostAsync("api/tenants", Http.Json(new { name = World.Unique("Domain"), contacts = new[] { new { name = "Ann" } }, domains = new[] { domain } }));
            return new Call("DELETE", $"api/tenants/{(string)(await tenant.ReadObjectAsync())["id"]!}/domains/{domain}");
        }, 204),
        ["MatchTicketRouting"] = new(w => Task.FromResult(new Call("GET", "api/ticket-routing/match?from=ann@contoso.example")), 200),
        ["GetTicketAssignment"] = new(w => Task.FromResult(new Call("GET", "api/tickets/T-1/assignment")), 404),
        ["GetImportTemplate"] = new(w => Task.FromResult(new Call("GET", "api/tenant-imports/template")), 200),
        ["UploadImport"] = new(async w => new Call("POST", "api/tenant-imports?validateOnly=true", Xlsx: await w.Owner.TemplateAsync()), 200),
        ["ListImports"] = new(w => Task.FromResult(new Call("GET", "api/tenant-imports")), 200),
        ["GetImport"] = new(w => Task.FromResult(new Call("GET", "api/tenant-imports/imp_missing")), 404),
        ["GetImportErrors"] = new(w => Task.FromResult(new Call("GET", "api/tenant-imports/imp_missing/errors")), 404),
        ["GetMe"] = new(w => Task.FromResult(new Call("GET", "api/me")), 200),
        ["CreateAgent"] = new(w => Task.FromResult(new Call("POST", "api/agents", new { name = "N", email = "n@msp.example", role = "technician" })), 201),
        ["ListAgents"] = new(w => Task.FromResult(new Call("GET", "api/agents")), 200),
        ["GetAgent"] = new(w => Task.FromResult(new Call("GET", $"api/agents/{w.TechTenantId}")), 200),
        ["UpdateAgent"] = new(async w => new Call("PATCH", $"api/agents/{(await w.Owner.CreateAgentAsync("technician")).Id}", new { name = "Renamed" }), 200),
        ["DeleteAgent"] = new(async w => new Call("DELETE", $"api/agents/{(await w.Owner.CreateAgentAsync("technician")).Id}"), 204),
        ["RotateAgentKey"] = new(async w => new Call("POST", $"api/agents/{(await w.Owner.CreateAgentAsync("technician")).Id}/api-key"), 200),
        ["CreateAgentGroup"] = new(w => Task.FromResult(new Call("POST", "api/agent-groups", new { name = "Night" })), 201),
        ["ListAgentGroups"] = new(w => Task.FromResult(new Call("GET", "api/agent-groups")), 200),
        ["GetAgentGroup"] = new(async w => new Call("GET", $"api/agent-groups/{await AgentGroupAsync(w)}"), 200),
        ["RenameAgentGroup"] = new(async w => new Call("PATCH", $"api/agent-groups/{await AgentGroupAsync(w)}", new { name = "Day" }), 200),
        ["SetAgentGroupMembers"] = new(async w => new Call("PUT", $"api/agent-groups/{await AgentGroupAsync(w)}/members", new { agentIds = new[] { w.TechTenantId } }), 200),
        ["DeleteAgentGroup"] = new(async w => new Call("DELETE", $"api/agent-groups/{await AgentGroupAsync(w)}"), 204),
        ["CreateGrant"] = new(async w => new Call("POST", "api/access-grants", new { agentId = (await w.Owner.CreateAgentAsync("technician")).Id, scope = "tenant", tenantId = w.A }), 201),
        ["ListGrants"] = new(w => Task.FromResult(new Call("GET", "api/access-grants")), 200),
        ["DeleteGrant"] = new(async w => new Call("DELETE", $"api/access-grants/{await w.Owner.GrantAsync(new { agentId = (await w.Owner.CreateAgentAsync("technician")).Id, scope = "allTenants" })}"), 204),
        ["GetAgentAccess"] = new(w => Task.FromResult(new Call("GET", $"api/agents/{w.TechTenantId}/access")), 200),
        ["GetDeviceGroupAccess"] = new(w => Task.FromResult(new Call("GET", $"api/device-groups/{w.GA}/access")), 200),
        ["GetDeviceAccess"] = new(w => Task.FromResult(new Call("GET", $"api/devices/{w.DA}/access")), 200),
        ["ExportTenants"] = new(w => Task.FromResult(new Call("GET", "api/tenants/export")), 200),
        ["ListAudit"] = new(w => Task.FromResult(new Call("GET", "api/audit")), 200),
        ["FindPersonalData"] = new(w => Task.FromResult(new Call("GET", "api/personal-data?email=nobody@matrix.example")), 200),
        ["ErasePersonalData"] = new(w => Task.FromResult(new Call("POST", "api/personal-data/erasures", new { email = "nobody@matrix.example" })), 200),
        ["ListImportErrors"] = new(w => Task.FromResult(new Call("GET", "api/tenant-imports/imp_missing/errors/items")), 404),
        ["UndoImport"] = new(w => Task.FromResult(new Call("POST", "api/tenant-imports/imp_missing/undo")), 404),
        // An agent registers its own keys only: others are refused (403), and a technician does not learn the agent exists (404).
        ["RegisterSigningKey"] = new(w => Task.FromResult(new Call("POST", $"api/agents/{w.TechTenantId}/signing-keys",
            new { name = "Laptop", publicKey = SigningHandler.PublicJwk(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256)) })),
            201, Status: p => p switch { Principal.TechnicianOneTenant => 201, Principal.Account or Principal.Administrator => 403, _ => 404 }),
        ["ListSigningKeys"] = new(w => Task.FromResult(new Call("GET", $"api/agents/{w.TechTenantId}/signing-keys")), 200,
            Status: p => p is Principal.Account or Principal.Administrator or Principal.TechnicianOneTenant ? 200 : 404),
        ["ApproveSigningKey"] = new(w => Task.FromResult(new Call("POST", "api/signing-keys/sk_missing/approve")), 404),
        ["RevokeSigningKey"] = new(w => Task.FromResult(new Call("DELETE", "api/signing-keys/sk_missing")), 404),
        ["CreateInvitation"] = new(async w => new Call("POST", $"api/agents/{(await w.Owner.CreateAgentAsync("technician")).Id}/invitations"), 201),
        ["UnlinkIdentity"] = new(async w => new Call("DELETE", $"api/agents/{(await w.Owner.CreateAgentAsync("technician")).Id}/identity"), 204),
        // Only a person's OpenID Connect token presents an invitation (R14): every API key is refused.
        ["LinkIdentity"] = new(w => Task.FromResult(new Call("POST", "api/me/identity", new { code = "inv_unknown" })), 401, Status: _ => 401),
    };

    private static async Task<string> Throwaway(World w) => (string)(await w.Owner.CreateTenantAsync(World.Unique("Throwaway")))["id"]!;

    private static async Task<(string Tenant, string Contact)> ThrowawayWithContactsAsync(World w)
    {
        var tenant = await w.Owner.CreateTenantAsync(World.Unique("Throwaway"), new { name = "Ann", isPrimary = true }, new { name = "Bob" });
        return ((string)tenant["id"]!, (string)tenant["contacts"]!.AsArray().Single(c => (bool)c!["isPrimary"]! == false)!["id"]!);
    }

    private static async Task<string> AgentGroupAsync(World w)
    {
        var response = await w.Owner.PostAsync("api/agent-groups", Http.Json(new { name = "Throwaway group" }));
        return (string)(await response.ReadObjectAsync())["id"]!;
    }

    /// <summary>The status a principal gets: the rule's table for the operation, and the reach for ids.</summary>
    private static int Expected(Principal p, ApiRoute route, Case c)
    {
        if (c.Status is { } status) return status(p);
        var technician = p is not (Principal.Account or Principal.Administrator);
        if (!technician) return c.Success;
        if (!AccessRule.Permitted[AgentRole.Technician].Contains(route.Operation)) return 403;
        if (c.Read == ReadKind.Everyone) return c.Success;
        return p is Principal.TechnicianAllTenants or Principal.TechnicianOneTenant ? c.Success : 404;
    }

    private async Task<World> WorldAsync()
    {
        var owner = await host.ClientForNewAccountAsync();
        var a = (string)(await owner.CreateTenantAsync(World.Unique("Alpha")))["id"]!;
        var b = (string)(await owner.CreateTenantAsync(World.Unique("Beta")))["id"]!;
        var ga = await owner.CreateGroupAsync("A laptops", a);
        var ga2 = await owner.CreateGroupAsync("A desktops", a);
        var gb = await owner.CreateGroupAsync("B laptops", b);
        var gu = await owner.CreateGroupAsync("Unassigned");
        var da = await owner.CreateDeviceAsync("dA", ga);
        var db = await owner.CreateDeviceAsync("dB", gb);
        var du = await owner.CreateDeviceAsync("dU", gu);

        var admin = await owner.CreateAgentAsync("administrator");
        var all = await owner.CreateAgentAsync("technician");
        var oneTenant = await owner.CreateAgentAsync("technician");
        var oneGroup = await owner.CreateAgentAsync("technician");
        var none = await owner.CreateAgentAsync("technician");
        await owner.GrantAsync(new { agentId = all.Id, scope = "allTenants" });
        await owner.GrantAsync(new { agentId = oneTenant.Id, scope = "tenant", tenantId = a });
        await owner.GrantAsync(new { agentId = oneGroup.Id, scope = "deviceGroup", deviceGroupId = gb });

        var other = await host.ClientForNewAccountAsync();
        var foreign = await other.CreateAgentAsync("technician");
        await other.GrantAsync(new { agentId = foreign.Id, scope = "allTenants" });

        return new World
        {
            Owner = owner, A = a, B = b, GA = ga, GA2 = ga2, GB = gb, GU = gu, DA = da, DB = db, DU = du, TechTenantId = oneTenant.Id,
            Clients = new()
            {
                [Principal.Account] = owner,
                // The administrator signs its requests (issue 17): its sensitive operations pass, as the table expects.
                [Principal.Administrator] = await host.SigningClientForAsync(owner, admin),
                [Principal.TechnicianAllTenants] = host.ClientFor(all.Key),
                [Principal.TechnicianOneTenant] = host.ClientFor(oneTenant.Key),
                [Principal.TechnicianOneGroup] = host.ClientFor(oneGroup.Key),
                [Principal.TechnicianNone] = host.ClientFor(none.Key),
                [Principal.OtherAccountsAgent] = host.ClientFor(foreign.Key),
            },
        };
    }

    [Fact]
    public void Every_route_of_the_table_has_a_case()
    {
        Assert.All(ApiRoutes.All, r => Assert.True(Cases.ContainsKey(r.Name), $"{r.Name} has no case"));
    }

    [Fact]
    public async Task Every_route_answers_each_principal_exactly_what_its_role_and_reach_allow()
    {
        var world = await WorldAsync();
        var failures = new List<string>();
        // Technicians first: what they may not do must change nothing the others then see.
        foreach (var principal in Enum.GetValues<Principal>().OrderByDescending(p => p is not (Principal.Account or Principal.Administrator)))
        {
            foreach (var route in ApiRoutes.All.Where(r => Cases.ContainsKey(r.Name)))
            {
                var c = Cases[route.Name];
                var call = await c.Make(world);
                var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
                if (call.Body is not null) request.Content = Http.Json(call.Body);
                if (call.Xlsx is not null)
                {
                    request.Content = new ByteArrayContent(call.Xlsx);
                    request.Content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                }
                var response = await world.Clients[principal].SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var expected = Expected(principal, route, c);
                if ((int)response.StatusCode != expected)
                    failures.Add($"{principal} {route.Name} {call.Method} {call.Path}: expected {expected}, got {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
                if (expected == 403 && !body.Contains("urn:tenancy:problem:forbidden") && c.Status is null)
                    failures.Add($"{principal} {route.Name}: 403 without the forbidden problem type");
                var leaked = world.OutOfReach(principal).Where(id => body.Contains(id, StringComparison.Ordinal) && !call.Path.Contains(id)).ToList();
                if (leaked.Count > 0) failures.Add($"{principal} {route.Name}: answer holds out-of-reach ids {string.Join(", ", leaked)}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Technician_lists_hold_exactly_what_it_reaches()
    {
        var w = await WorldAsync();

        Assert.Equal([w.A], await w.Clients[Principal.TechnicianOneTenant].IdsAsync("api/tenants"));
        Assert.Equal(new[] { w.GA, w.GA2 }.Order(), (await w.Clients[Principal.TechnicianOneTenant].IdsAsync("api/device-groups")).Order());
        Assert.Equal([w.DA], await w.Clients[Principal.TechnicianOneTenant].IdsAsync("api/devices"));
        Assert.Empty(await w.Clients[Principal.TechnicianOneGroup].IdsAsync("api/tenants"));
        Assert.Equal([w.GB], await w.Clients[Principal.TechnicianOneGroup].IdsAsync("api/device-groups"));
        // A filter on a tenant it does not reach answers as for an unknown tenant: it must not tell who owns its group.
        Assert.Empty(await w.Clients[Principal.TechnicianOneGroup].IdsAsync($"api/device-groups?tenantId={w.B}"));
        Assert.Empty(await w.Clients[Principal.TechnicianOneGroup].IdsAsync($"api/devices?tenantId={w.B}"));
        Assert.Empty(await w.Clients[Principal.TechnicianNone].IdsAsync("api/tenants"));
        Assert.Empty(await w.Clients[Principal.TechnicianNone].IdsAsync("api/device-groups"));
        Assert.Empty(await w.Clients[Principal.TechnicianNone].IdsAsync("api/devices"));
        Assert.Contains(w.GU, await w.Clients[Principal.TechnicianAllTenants].IdsAsync("api/device-groups?unassigned=true"));
    }

    [Fact]
    public async Task An_id_outside_the_reach_answers_exactly_like_a_missing_one()
    {
        var w = await WorldAsync();
        var deleted = (string)(await w.Owner.CreateTenantAsync(World.Unique("Gone")))["id"]!;
        Assert.Equal(HttpStatusCode.NoContent, (await w.Owner.DeleteAsync($"api/tenants/{deleted}")).StatusCode);

        var outside = await w.Clients[Principal.TechnicianOneGroup].GetAsync($"api/tenants/{w.A}");
        var missing = await w.Clients[Principal.TechnicianOneGroup].GetAsync($"api/tenants/{deleted}");

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(Masked(await missing.Content.ReadAsStringAsync(), deleted), Masked(await outside.Content.ReadAsStringAsync(), w.A));
    }

    [Fact]
    public async Task A_technician_moves_a_device_only_between_two_groups_it_reaches()
    {
        var w = await WorldAsync();
        var tech = w.Clients[Principal.TechnicianOneTenant];

        Assert.Equal(HttpStatusCode.NotFound, (await tech.PatchAsync($"api/devices/{w.DA}", new { groupId = w.GB })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tech.PatchAsync($"api/devices/{w.DB}", new { groupId = w.GA })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tech.PatchAsync($"api/devices/{w.DA}", new { groupId = w.GA2 })).StatusCode);
        Assert.Equal(w.GA2, (string?)(await w.Owner.GetObjectAsync($"api/devices?groupId={w.GA2}"))["items"]![0]!["groupId"]);
        Assert.Equal(w.GB, (string?)(await w.Owner.GetObjectAsync($"api/devices?groupId={w.GB}"))["items"]![0]!["groupId"]);
    }

    private static string Masked(string body, string id) =>
        Regex.Replace(body.Replace(id, "{id}"), @"""traceId""\s*:\s*""[^""]*""", "\"traceId\":\"*\"");
}

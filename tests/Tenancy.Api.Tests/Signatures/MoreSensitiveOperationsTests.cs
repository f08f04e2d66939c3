using System.Net;
using System.Text.Json.Nodes;
using Tenancy.Api.Tests.Access;
using Tenancy.Api.Tests.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Signatures;

/// <summary>
/// Issue 28: undoing an import, moving a device out of its tenant and revoking another agent's signing key need an
/// agent's signature (R13), as the operations they amount to do; unsigned, 403 signature-required and nothing changes.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class MoreSensitiveOperationsTests(LocalHostFixture host)
{
    private static async Task<string> ReasonAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("urn:tenancy:problem:signature-required", (string?)problem["type"]);
        return (string)problem["detail"]!;
    }

    private static async Task<JsonObject> WaitForAsync(HttpClient client, string url, string status)
    {
        for (var i = 0; i < 600; i++)
        {
            var job = await client.GetObjectAsync(url);
            if ((string?)job["status"] == status) return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{url} never became {status}");
    }

    [Fact]
    public async Task Undoing_an_import_needs_a_signature_and_the_audit_names_who_asked()
    {
        var owner = await host.ClientForNewAccountAsync();
        var admin = await owner.CreateAgentAsync("administrator", "Ada");
        var signing = await host.SigningClientForAsync(owner, admin);
        var job = await owner.ImportAsync(Spreadsheets.Fill(await owner.TemplateAsync(), ["Northwind", "Nancy", "TRUE", "", "nancy@northwind.com", "", "", "", "", ""]));
        var url = $"api/tenant-imports/{job["id"]}";

        var refused = await host.ClientFor(admin.Key).PostAsync(url + "/undo", null);

        Assert.Contains("undoing an import", await ReasonAsync(refused), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("completed", (string?)(await owner.GetObjectAsync(url))["status"]);
        Assert.Single(await owner.TenantsAsync());

        Assert.Equal(HttpStatusCode.Accepted, (await signing.PostAsync(url + "/undo", null)).StatusCode);
        await WaitForAsync(owner, url, "undone");
        Assert.Empty(await owner.TenantsAsync());
        var entries = (await owner.GetObjectAsync($"api/audit?actorId={admin.Id}"))["items"]!.AsArray();
        var asked = Assert.Single(entries, e => (string?)e!["action"] == "import.undoRequested")!;
        Assert.Equal((string?)job["id"], (string?)asked["targetId"]);
        Assert.Equal("agent", (string?)asked["actor"]!["kind"]);
    }

    [Fact]
    public async Task Moving_a_device_into_another_tenants_group_needs_a_signature_and_within_its_tenant_none()
    {
        var owner = await host.ClientForNewAccountAsync();
        var a = (string)(await owner.CreateTenantAsync("Alpha"))["id"]!;
        var b = (string)(await owner.CreateTenantAsync("Beta"))["id"]!;
        var groupA = await owner.CreateGroupAsync("A laptops", a);
        var otherGroupA = await owner.CreateGroupAsync("A servers", a);
        var groupB = await owner.CreateGroupAsync("B laptops", b);
        var device = await owner.CreateDeviceAsync("PC", groupA);
        var admin = await owner.CreateAgentAsync("administrator", "Ada");
        var onB = await owner.CreateAgentAsync("technician", "On B");
        await owner.GrantAsync(new { agentId = onB.Id, scope = "tenant", tenantId = b });
        var plain = host.ClientFor(admin.Key);
        var signing = await host.SigningClientForAsync(owner, admin);

        var across = await plain.PatchAsync($"api/devices/{device}", new { groupId = groupB });
        var ungrouped = await plain.PatchAsync($"api/devices/{device}", new { groupId = (string?)null });

        Assert.Contains("moving a device into a group of another tenant", await ReasonAsync(across), StringComparison.OrdinalIgnoreCase);
        await ReasonAsync(ungrouped);
        Assert.Equal(a, (string?)(await owner.GetObjectAsync($"api/devices?groupId={groupA}"))["items"]![0]!["tenantId"]);
        Assert.Empty(await host.ClientFor(onB.Key).IdsAsync("api/devices"));

        Assert.Equal(HttpStatusCode.OK, (await plain.PatchAsync($"api/devices/{device}", new { groupId = otherGroupA })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signing.PatchAsync($"api/devices/{device}", new { groupId = groupB })).StatusCode);
        Assert.Equal([device], await host.ClientFor(onB.Key).IdsAsync("api/devices"));
    }

    [Fact]
    public async Task Revoking_another_agents_signing_key_needs_a_signature_and_ones_own_none()
    {
        var owner = await host.ClientForNewAccountAsync();
        var ada = await owner.CreateAgentAsync("administrator", "Ada");
        var bob = await owner.CreateAgentAsync("administrator", "Bob");
        var adaSigning = await host.SigningClientForAsync(owner, ada);
        await host.SigningClientForAsync(owner, bob);
        var bobsKey = (string)(await owner.GetObjectAsync($"api/agents/{bob.Id}/signing-keys"))["items"]![0]!["id"]!;
        var adasKey = (string)(await owner.GetObjectAsync($"api/agents/{ada.Id}/signing-keys"))["items"]![0]!["id"]!;

        var refused = await host.ClientFor(ada.Key).DeleteAsync($"api/signing-keys/{bobsKey}");

        Assert.Contains("revoking another agent's signing key", await ReasonAsync(refused), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("approved", (string?)(await owner.GetObjectAsync($"api/agents/{bob.Id}/signing-keys"))["items"]![0]!["status"]);
        Assert.Equal(HttpStatusCode.NoContent, (await adaSigning.DeleteAsync($"api/signing-keys/{bobsKey}")).StatusCode);
        Assert.Equal("revoked", (string?)(await owner.GetObjectAsync($"api/agents/{bob.Id}/signing-keys"))["items"]![0]!["status"]);
        Assert.Equal(HttpStatusCode.NoContent, (await host.ClientFor(ada.Key).DeleteAsync($"api/signing-keys/{adasKey}")).StatusCode);
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Core.Imports;
using Tenancy.Excel;
using Tenancy.Hosts.Tests.Support;
using Tenancy.Http;
using Tenancy.Http.OpenApi;
using Tenancy.TestSupport;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>
/// The same requests, in the same order, to the Functions app's HTTP functions (called in-process on the worker's
/// host) and to the local host (over HTTP), each for its own account on the same Azurite: every answer must have the
/// same status, content type and body, once the generated ids and times are masked. Every route of the table is
/// called at least once, success and error paths both.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public class HttpFunctionParityTests(FunctionsHostFixture functions)
{
    private sealed record Step(string Method, string Path, string? Json = null, string? Capture = null, byte[]? Xlsx = null, bool Anonymous = false);

    private static readonly byte[] Template = new TemplateWriter().Create(TemplateLanguage.English);

    private static byte[] FilledTemplate => Spreadsheets.Fill(Template,
        ["Northwind", "Nancy Davolio", "TRUE", "", "nancy@northwind.example", "", "", "", "", "northwind.example"],
        ["Broken", "", "TRUE", "", "not-an-email", "", "", "", "", ""]);

    private static readonly Step[] Script =
    [
        new("GET", "api/tenants", Anonymous: true),
        new("POST", "api/tenants", """{"name":"Contoso","notes":"n","contacts":[{"name":"Ann Lee","email":"ann@contoso.example","isPrimary":true},{"name":"Bob Ray"}],"domains":["contoso.example"]}""", Capture: "tenant"),
        new("POST", "api/tenants", """{"name":"  contoso ","contacts":[{"name":"X"}]}"""),
        new("POST", "api/tenants", """{"name":"","contacts":[]}"""),
        new("POST", "api/tenants", """{"name":"Fabrikam","contacts":[{"name":"Cy Doe"}]}""", Capture: "other"),
        new("GET", "api/tenants?search=con&pageSize=1"),
        new("GET", "api/tenants/{tenant}"),
        new("GET", "api/tenants/tnt_missing"),
        new("PATCH", "api/tenants/{tenant}", """{"notes":"changed"}"""),
        new("PATCH", "api/tenants/{tenant}", """{"name":"Fabrikam"}"""),
        new("POST", "api/tenants/{tenant}/contacts", """{"name":"Cat Poe","email":"cat@contoso.example","isPrimary":true}""", Capture: "contact"),
        new("POST", "api/tenants/{tenant}/contacts", """{"name":"Bad","countryCode":"33"}"""),
        new("PATCH", "api/tenants/{tenant}/contacts/{contact}", """{"role":"CTO"}"""),
        new("DELETE", "api/tenants/{tenant}/contacts/{contact}"),
        new("DELETE", "api/tenants/{tenant}/contacts/con_missing"),
        new("POST", "api/device-groups", """{"name":"Laptops","tenantId":"{other}"}""", Capture: "group"),
        new("POST", "api/device-groups", """{"name":"Spare"}""", Capture: "spare"),
        new("GET", "api/device-groups?unassigned=true"),
        new("POST", "api/tenants/{tenant}/device-groups/assign", """{"groupIds":["{group}"]}"""),
        new("POST", "api/tenants/{tenant}/device-groups/assign", """{"groupIds":["{group}"],"confirmReassign":true}"""),
        new("POST", "api/tenants/{tenant}/device-groups/unassign", """{"groupIds":["{group}"]}"""),
        new("POST", "api/devices", """{"name":"PC-1","groupId":"{group}"}""", Capture: "device"),
        new("POST", "api/devices", """{"name":"PC-2","groupId":"grp_missing"}"""),
        new("GET", "api/devices?groupId={group}"),
        new("PATCH", "api/devices/{device}", """{"groupId":"{spare}"}"""),
        new("GET", "api/me"),
        new("POST", "api/agents", """{"name":"Tess Tech","email":"tess@msp.example","role":"technician"}""", Capture: "agent"),
        new("POST", "api/agents", """{"name":"","email":"nope","role":"boss"}"""),
        new("GET", "api/agents"),
        new("GET", "api/agents/{agent}"),
        new("GET", "api/agents/agt_missing"),
        new("PATCH", "api/agents/{agent}", """{"name":"Tess T."}"""),
        new("POST", "api/agents/{agent}/api-key"),
        new("POST", "api/agents/{agent}/invitations"),
        new("POST", "api/agents/agt_missing/invitations"),
        new("POST", "api/me/identity", """{"code":"inv_unknown"}"""),
        new("DELETE", "api/agents/{agent}/identity"),
        new("POST", "api/agent-groups", """{"name":"Night","agentIds":["{agent}"]}""", Capture: "agentGroup"),
        new("GET", "api/agent-groups"),
        new("GET", "api/agent-groups/{agentGroup}"),
        new("PATCH", "api/agent-groups/{agentGroup}", """{"name":"Night shift"}"""),
        new("PUT", "api/agent-groups/{agentGroup}/members", """{"agentIds":[]}"""),
        new("PUT", "api/agent-groups/{agentGroup}/members", """{"agentIds":["{agent}"]}"""),
        new("POST", "api/access-grants", """{"agentGroupId":"{agentGroup}","scope":"deviceGroup","deviceGroupId":"{spare}"}""", Capture: "grant"),
        new("POST", "api/access-grants", """{"agentGroupId":"{agentGroup}","scope":"deviceGroup","deviceGroupId":"{spare}"}"""),
        new("POST", "api/access-grants", """{"agentId":"{agent}","scope":"tenant"}"""),
        new("GET", "api/access-grants?agentGroupId={agentGroup}"),
        new("GET", "api/agents/{agent}/access"),
        new("GET", "api/agents/{agent}/access?at=2020-01-01T00:00:00Z"),
        new("GET", "api/device-groups/{spare}/access"),
        new("GET", "api/devices/{device}/access?at=yesterday"),
        new("GET", "api/devices/{device}/access"),
        new("POST", "api/tenants/{tenant}/device-groups/assign", """{"groupIds":["{spare}"],"preview":true}"""),
        new("DELETE", "api/access-grants/{grant}"),
        new("DELETE", "api/access-grants/grt_missing"),
        new("DELETE", "api/agent-groups/{agentGroup}"),
        new("DELETE", "api/agents/{agent}"),
        new("DELETE", "api/device-groups/{spare}?withDevices=true"),
        new("DELETE", "api/device-groups/grp_missing"),
        new("GET", "api/tenants/{tenant}/domains"),
        new("POST", "api/tenants/{tenant}/domains", """{"domain":"eu.contoso.example"}"""),
        new("POST", "api/tenants/{other}/domains", """{"domain":"contoso.example"}"""),
        new("POST", "api/tenants/{tenant}/domains", """{"domain":"gmail.com"}"""),
        new("PUT", "api/tenants/{other}/domains", """{"domains":["fabrikam.example","ÉCOLE.example"]}"""),
        new("DELETE", "api/tenants/{tenant}/domains/eu.contoso.example"),
        new("GET", "api/ticket-routing/match?from=someone@sub.contoso.example"),
        new("GET", "api/ticket-routing/match?from=ann@contoso.example&senderAuthentication=fail"),
        new("GET", "api/ticket-routing/match?from=not-an-address"),
        new("GET", "api/tickets/tkt-unknown/assignment"),
        new("GET", "api/tenants/export?lang=fr"),
        new("GET", "api/tenants/export?lang=xx"),
        new("GET", "api/tenant-imports/template?lang=fr"),
        new("GET", "api/tenant-imports/template?lang=xx"),
        new("POST", "api/tenant-imports?validateOnly=true", Xlsx: FilledTemplate),
        new("POST", "api/tenant-imports", """{"not":"a workbook"}"""),
        new("GET", "api/tenant-imports"),
        new("GET", "api/tenant-imports/imp_missing"),
        new("GET", "api/tenant-imports/imp_missing/errors"),
        new("GET", "api/audit?targetId=tnt_missing&from=2026-01-01T00:00:00Z"),
        new("GET", "api/audit?from=yesterday"),
        new("GET", "api/audit?continuationToken=bm90LWlzc3VlZA"),
        new("GET", "api/personal-data?email=nobody%40parity.example"),
        new("GET", "api/personal-data?email=not-an-address"),
        new("POST", "api/personal-data/erasures", """{"email":"nobody@parity.example"}"""),
        new("POST", "api/personal-data/erasures", """{"email":"not an address"}"""),
        new("GET", "api/tenant-imports/imp_missing/errors/items?pageSize=10"),
        new("POST", "api/tenant-imports/imp_missing/undo"),
        new("POST", "api/agents/agt_missing/signing-keys", """{"name":"Laptop","publicKey":{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}}"""),
        new("GET", "api/agents/agt_missing/signing-keys"),
        new("POST", "api/signing-keys/sk_missing/approve"),
        new("DELETE", "api/signing-keys/sk_missing"),
        new("DELETE", "api/tenants/{tenant}", Anonymous: true),
        new("DELETE", "api/tenants/{tenant}"),
        new("DELETE", "api/tenants/{tenant}"),
        new("POST", "api/tenant-imports", Xlsx: FilledTemplate),
    ];

    [Fact]
    public async Task Every_route_answers_the_same_on_both_hosts()
    {
        var local = await AccountAsync();
        var cloud = await AccountAsync();
        var client = functions.Local.AnonymousClient();
        var invoker = new FunctionInvoker(functions.Services);
        var localIds = new Dictionary<string, string>();
        var cloudIds = new Dictionary<string, string>();

        foreach (var step in Script)
        {
            var localAnswer = await SendLocalAsync(client, step, Key(step, local), localIds);
            var cloudAnswer = await invoker.SendAsync(new HttpMethod(step.Method), Fill(step.Path, cloudIds), Key(step, cloud), Content(step, cloudIds));
            Capture(step, localAnswer, localIds);
            Capture(step, cloudAnswer, cloudIds);

            var what = $"{step.Method} {step.Path} {step.Json}";
            Assert.True(localAnswer.Status == cloudAnswer.Status, $"{what}: local host {localAnswer.Status}, function {cloudAnswer.Status}.");
            Assert.True(MediaType(localAnswer) == MediaType(cloudAnswer), $"{what}: local host {localAnswer.ContentType}, function {cloudAnswer.ContentType}.");
            Assert.True(Dateless(localAnswer.ContentDisposition) == Dateless(cloudAnswer.ContentDisposition), $"{what}: local host {localAnswer.ContentDisposition}, function {cloudAnswer.ContentDisposition}.");
            if (MediaType(localAnswer) != TemplateFiles.ContentType)
                Assert.Equal(Masked(localAnswer, localIds), Masked(cloudAnswer, cloudIds));
        }

        var called = Script.Select(s => s.Method + " " + Regex.Replace(s.Path.Split('?')[0], @"\{(\w+)\}", "x")).ToHashSet();
        Assert.All(ApiRoutes.All, route => Assert.Contains(called, c => Regex.IsMatch(c,
            "^" + route.Method + " " + Regex.Replace(ApiRoutes.Prefix + "/" + route.Template, @"\\\{\w+}|\{\w+\}", "[^/]+") + "$")));
    }

    [Fact]
    public async Task Both_hosts_serve_the_same_openapi_document_without_a_key()
    {
        var local = await functions.Local.AnonymousClient().GetAsync($"{ApiRoutes.Prefix}/{TenancyOpenApi.Route}");
        var cloud = await new FunctionInvoker(functions.Services).SendAsync(HttpMethod.Get, $"{ApiRoutes.Prefix}/{TenancyOpenApi.Route}", apiKey: null);

        Assert.Equal(200, (int)local.StatusCode);
        Assert.Equal(200, cloud.Status);
        var document = JsonNode.Parse(cloud.Body)!;
        Assert.Equal(ApiRoutes.All.Select(r => "/" + ApiRoutes.Prefix + "/" + r.Template).Distinct().Order(),
            document["paths"]!.AsObject().Select(p => p.Key).Order());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await local.Content.ReadAsStringAsync()), document));
    }

    private async Task<string> AccountAsync() =>
        (await functions.Local.Services.GetRequiredService<AccountService>().CreateAsync("Parity", Plan.Msp, CancellationToken.None)).ApiKey;

    private static string? Key(Step step, string key) => step.Anonymous ? null : key;

    private static async Task<Answer> SendLocalAsync(HttpClient client, Step step, string? key, Dictionary<string, string> ids)
    {
        var request = new HttpRequestMessage(new HttpMethod(step.Method), Fill(step.Path, ids)) { Content = Content(step, ids) };
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var response = await client.SendAsync(request);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(),
            response.Content.Headers.ContentDisposition?.ToString(), await response.Content.ReadAsByteArrayAsync());
    }

    private static HttpContent? Content(Step step, Dictionary<string, string> ids)
    {
        if (step.Xlsx is not null)
        {
            var file = new ByteArrayContent(step.Xlsx);
            file.Headers.ContentType = new MediaTypeHeaderValue(TemplateFiles.ContentType);
            return file;
        }
        return step.Json is null ? null : new StringContent(Fill(step.Json, ids), Encoding.UTF8, "application/json");
    }

    private static string Fill(string text, Dictionary<string, string> ids) =>
        Regex.Replace(text, @"\{(\w+)\}", m => ids.TryGetValue(m.Groups[1].Value, out var id) ? id : m.Value);

    private static void Capture(Step step, Answer answer, Dictionary<string, string> ids)
    {
        if (step.Capture is null) return;
        Assert.True(answer.Status == 201, $"{step.Method} {step.Path}: expected 201, got {answer.Status}: {Encoding.UTF8.GetString(answer.Body)}");
        ids[step.Capture] = (string)JsonNode.Parse(answer.Body)!["id"]!;
    }

    /// <summary>A file name without its date (an export's), which may change between the two calls at midnight.</summary>
    private static string? Dateless(string? contentDisposition) =>
        contentDisposition is null ? null : Regex.Replace(contentDisposition, @"\d{4}-\d\d-\d\d", "<date>");

    private static string? MediaType(Answer answer) => answer.ContentType?.Split(';')[0].Trim();

    /// <summary>The body with this host's captured ids named, other generated ids, times, ETags and trace ids masked.</summary>
    private static string Masked(Answer answer, Dictionary<string, string> ids)
    {
        var body = Encoding.UTF8.GetString(answer.Body);
        foreach (var (name, id) in ids) body = body.Replace(id, "{" + name + "}");
        body = Regex.Replace(body, @"\b(acc|tnt|con|grp|dev|imp|agt|agg|grt)_[0-9a-f]{32}\b", "$1_*");
        body = Regex.Replace(body, @"\btny_[A-Za-z0-9_-]+", "tny_*");
        body = Regex.Replace(body, @"\binv_[A-Za-z0-9_-]+", "inv_*");
        body = Regex.Replace(body, @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", "<time>");
        body = Regex.Replace(body, @"W/\\?""[^""\\]*\\?""", "<etag>");
        body = Regex.Replace(body, @"""traceId""\s*:\s*""[^""]*""", "\"traceId\":\"*\"");
        return body;
    }
}

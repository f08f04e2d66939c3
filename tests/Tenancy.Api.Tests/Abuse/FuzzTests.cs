using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Http;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Abuse;

/// <summary>
/// Thousands of generated malformed requests (bodies, content types, query strings, path segments, headers) to every
/// route: each answer is a 4xx problem (or, for a read, a plain answer), never a 5xx, and nothing the account had
/// changes. The generator's seed is fixed, so every run sends the same requests.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class FuzzTests(LocalHostFixture host)
{
    private const int CasesPerRoute = 80;

    private sealed record FuzzRequest(string Path, string Query, byte[]? Body, string? ContentType, string? IfMatch);

    private static readonly string[] QueryNames =
        ["pageSize", "continuationToken", "search", "lang", "validateOnly", "tenantId", "groupId", "unassigned", "withDevices", "from", "senderAuthentication", "fileName"];

    private static readonly string[] NastyBodies =
    [
        "", "null", "[]", "{", "}", "\"text\"", "123", "true", "{\"name\":", "{\"name\":1}", "{\"name\":\"a\",\"name\":\"b\"}",
        "{\"contacts\":\"x\"}", "{\"groupIds\":[1,2]}", "{\"domains\":[null]}", "{\"domain\":\"..\"}", "{\"name\":\"\\u0000\"}",
        "{\"name\":\"a\"}{\"name\":\"b\"}", "{\"pageSize\":1e400}", "{'name':'single quotes'}", "{\"a\":" + new string('[', 5000) + new string(']', 5000) + "}",
        "{\"name\":\"" + new string('x', 300_000) + "\"}", "{\"confirmReassign\":\"yes\",\"groupIds\":[\"grp_x\"]}",
    ];

    private static readonly string?[] ContentTypes =
        ["application/json", "application/json; charset=utf-16", "text/plain", "application/xml", "multipart/form-data", "multipart/form-data; boundary=", null,
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"];

    private static Gen<string> Text => Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Elements("", "-1", "0", "abc", "99999999999999999999", "true", "..", ".", "%2E%2E", "tnt_", "null", "\u202Eevil", "x@y",
            new string('a', 5000), "{\"a\":1}", "' OR 1=1 --", "PartitionKey eq 'x'", "<script>", "\u0000", "a/b", "😀"));

    private static Gen<byte[]?> Bodies => Gen.OneOf(
        Gen.Elements(NastyBodies).Select(b => (byte[]?)Encoding.UTF8.GetBytes(b)),
        Text.Select(t => (byte[]?)Encoding.UTF8.GetBytes(t)),
        ArbMap.Default.GeneratorFor<byte[]>().Select(b => (byte[]?)b),
        Gen.Constant<byte[]?>(null));

    private static Gen<string> Query => Gen.ListOf(Gen.Elements(QueryNames).Zip(Text)).Resize(8)
        .Select(pairs => string.Join("&", pairs.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}")));

    private static Gen<FuzzRequest> Requests(ApiRoute route) =>
        from segments in Gen.ListOf(Text).Select(l => l.ToArray())
        from query in Query
        from body in Bodies
        from contentType in Gen.Elements(ContentTypes)
        from ifMatch in Gen.OneOf(Gen.Constant<string?>(null), Text.Select(t => (string?)AsciiOnly(t)))
        select new FuzzRequest(FillPath(route.Template, segments), query, body, contentType, ifMatch);

    /// <summary>
    /// Kestrel refuses a request line over its 8 KiB limit (414) and an encoded NUL in the path (400) before any code of
    /// ours runs, with an empty body: a client error all the same.
    /// </summary>
    private static bool RefusedByKestrel(int status, HttpResponseMessage response) =>
        status is 400 or 414 && response.Content.Headers.ContentLength == 0 && response.Content.Headers.ContentType is null;

    /// <summary>An upload is accepted before it is read, like a blob dropped in the container: its job then fails with the reason.</summary>
    private static bool IsAcceptedUpload(ApiRoute route, int status) => route.Name == "UploadImport" && status == 202;

    private static string Shortened(string text) => text.Length <= 200 ? text : text[..200] + "…";

    // HTTP header values are ASCII on the wire; HttpClient refuses anything else before sending.
    private static string AsciiOnly(string text) => new(text.Where(c => c is >= ' ' and <= '~').ToArray());

    private static string FillPath(string template, string[] values)
    {
        var i = 0;
        return Regex.Replace(template, @"\{\w+\}", _ =>
            values.Length > i && values[i++] is { Length: > 0 } v ? Uri.EscapeDataString(v) : "tnt_0000");
    }

    [Fact]
    public async Task Malformed_requests_to_every_route_get_client_errors_and_change_nothing()
    {
        // A plain client: the fixture's clients check answers against the document, and Kestrel's own refusals (see
        // RefusedByKestrel) are not in it.
        var key = (await host.Services.GetRequiredService<AccountService>().CreateAsync("Fuzz", Plan.Msp, CancellationToken.None)).ApiKey;
        var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        var tenant = await client.CreateTenantAsync("Fuzz Target", new { name = "Ann Lee", email = "ann@fuzz.example" });
        await client.PostAsync($"api/tenants/{tenant["id"]}/domains", Http.Json(new { domain = "fuzz.example" }));
        var before = await SnapshotAsync(client, (string)tenant["id"]!);
        var failures = new List<string>();
        var sent = 0;

        var seed = 20261130UL;
        foreach (var route in ApiRoutes.All)
        {
            // Size and count are both CasesPerRoute: strings and lists grow up to that size across the samples.
            var requests = Gen.Sample(Requests(route), CasesPerRoute, new Rnd(seed++), CasesPerRoute);
            Assert.Equal(CasesPerRoute, requests.Length);
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, ct) =>
            {
                var message = new HttpRequestMessage(new HttpMethod(route.Method), $"api/{request.Path}?{request.Query}");
                if (request.Body is not null)
                {
                    message.Content = new ByteArrayContent(request.Body);
                    if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
                }
                if (request.IfMatch is not null) message.Headers.TryAddWithoutValidation("If-Match", request.IfMatch);
                var response = await client.SendAsync(message, ct);
                Interlocked.Increment(ref sent);
                var status = (int)response.StatusCode;
                var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                var acceptable = status < 500 && (status >= 400 ? isProblem || RefusedByKestrel(status, response)
                    : route.Method == "GET" || IsAcceptedUpload(route, status));
                if (!acceptable)
                    lock (failures) failures.Add($"{route.Method} {Shortened(message.RequestUri!.PathAndQuery)} ({request.ContentType}, {request.Body?.Length} bytes) → {status} {response.Content.Headers.ContentType}");
            });
        }

        Assert.True(sent >= ApiRoutes.All.Count * CasesPerRoute);
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answers were not client errors:\n" + string.Join("\n", failures.Take(20)));
        Assert.Equal(before, await SnapshotAsync(client, (string)tenant["id"]!));
    }

    /// <summary>Everything the account has (but its import jobs, see <see cref="IsAcceptedUpload"/>): a change anywhere shows here.</summary>
    private static async Task<string> SnapshotAsync(HttpClient client, string tenantId)
    {
        var parts = new List<string>();
        foreach (var path in new[] { "api/tenants?pageSize=200", $"api/tenants/{tenantId}", "api/device-groups?pageSize=200", "api/devices?pageSize=200",
                     $"api/tenants/{tenantId}/domains" })
        {
            var response = await client.GetAsync(path);
            // Thousands of requests on one key may use up its rate limit: wait as the answer says (the bucket refills).
            for (var wait = 0; response.StatusCode == HttpStatusCode.TooManyRequests && wait < 60; wait++)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                response = await client.GetAsync(path);
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            parts.Add(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.ToJsonString());
        }
        return string.Join("\n", parts);
    }
}

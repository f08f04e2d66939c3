using System.Net;
using System.Text;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Imports;

/// <summary>A broken multipart upload is the caller's mistake: a 400 problem that says what is wrong, never a 500.</summary>
[Collection(LocalHostCollection.Name)]
public class MalformedMultipartTests(LocalHostFixture host)
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await client.PostAsync("api/tenant-imports", content);
    }

    [Fact]
    public async Task A_multipart_body_without_a_boundary_is_400()
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await PostAsync(client, "multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_multipart_body_with_too_many_fields_is_400()
    {
        var client = await host.ClientForNewAccountAsync();
        var body = new StringBuilder();
        for (var i = 0; i < 1100; i++)
            body.Append($"--b\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nv\r\n");
        body.Append("--b--\r\n");

        var response = await PostAsync(client, "multipart/form-data; boundary=b", body.ToString());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_multipart_body_cut_short_is_400()
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await PostAsync(client, "multipart/form-data; boundary=b",
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\nPK\u0003\u0004 and then noth");

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }
}

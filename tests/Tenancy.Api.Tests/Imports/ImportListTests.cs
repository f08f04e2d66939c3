using System.Net;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Imports;

[Collection(LocalHostCollection.Name)]
public class ImportListTests(LocalHostFixture host)
{
    [Fact]
    public async Task Jobs_are_listed_newest_first_page_by_page()
    {
        var client = await host.ClientForNewAccountAsync();
        var template = await client.TemplateAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
            ids.Add((string)(await (await client.UploadAsync(template)).ReadObjectAsync())["id"]!);

        var first = await (await client.GetAsync("api/tenant-imports?pageSize=2")).ReadObjectAsync();
        var second = await (await client.GetAsync($"api/tenant-imports?pageSize=2&continuationToken={first["continuationToken"]}")).ReadObjectAsync();

        var listed = first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(j => (string)j!["id"]!).ToList();
        Assert.Equal(Enumerable.Reverse(ids), listed);
        Assert.Null((string?)second["continuationToken"]);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("0")]
    public async Task A_token_the_service_did_not_issue_is_400(string token)
    {
        var client = await host.ClientForNewAccountAsync();

        var problem = await (await client.GetAsync($"api/tenant-imports?continuationToken={token}")).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem["errors"]!.AsObject().ContainsKey("continuationToken"));
    }
}

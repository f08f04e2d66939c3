using System.Net;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Json;

/// <summary>A key given twice could be read one way by the caller's tools and another way here: refused, as the ticket parser does.</summary>
[Collection(LocalHostCollection.Name)]
public class DuplicateKeyTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("""{"name":"Alpha","name":"Beta","contacts":[{"name":"Ann"}]}""", "name")]
    [InlineData("""{"name":"Alpha","contacts":[{"name":"Ann","email":"a@x.org","email":"b@x.org"}]}""", "contacts[0].email")]
    public async Task A_key_given_twice_is_refused_naming_it_and_nothing_is_created(string body, string field)
    {
        var client = await host.ClientForNewAccountAsync();

        var problem = await (await client.PostAsync("api/tenants", Http.RawJson(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Given more than once.", (string?)problem["errors"]![field]![0]);
        var list = await (await client.GetAsync("api/tenants")).ReadObjectAsync();
        Assert.Empty(list["items"]!.AsArray());
    }
}

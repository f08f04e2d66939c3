using System.Net;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Json;

/// <summary>A value of the wrong type is a 400 that names the field and the type it expects, and changes nothing.</summary>
[Collection(LocalHostCollection.Name)]
public class TypeErrorTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("""{"name":"Alpha","contacts":[{"name":"Ann"}],"confirmReassign":"true"}""", "confirmReassign", "boolean")]
    [InlineData("""{"name":"Alpha","contacts":[{"name":"Ann"}],"notes":12}""", "notes", "string")]
    [InlineData("""{"name":"Al\ud800pha","contacts":[{"name":"Ann"}]}""", "name", "string")]
    [InlineData("""{"name":"Alpha","contacts":[{"name":"Ann","email":false}]}""", "contacts[0].email", "string")]
    [InlineData("""{"name":"Alpha","contacts":{"name":"Ann"}}""", "contacts", "array")]
    public async Task A_value_of_the_wrong_type_is_refused_naming_the_field_and_the_type_expected(string body, string field, string type)
    {
        var client = await host.ClientForNewAccountAsync();

        var problem = await (await client.PostAsync("api/tenants", Http.RawJson(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        var message = (string?)problem["errors"]![field]![0];
        Assert.Contains(type, message);
        Assert.NotEqual("Expected an object.", message);
        Assert.Empty((await (await client.GetAsync("api/tenants")).ReadObjectAsync())["items"]!.AsArray());
    }
}

using System.Net;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Health;

[Collection(LocalHostCollection.Name)]
public class HealthTests(LocalHostFixture host)
{
    [Theory]
    [InlineData("api/health/live", "live")]
    [InlineData("api/health/ready", "ready")]
    public async Task Health_checks_answer_without_a_key(string path, string status)
    {
        var response = await host.AnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(status, (string?)(await response.ReadObjectAsync())["status"]);
    }
}

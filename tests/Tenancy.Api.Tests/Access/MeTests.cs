using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Access;

/// <summary><c>GET /api/me</c> says who the key is and its account (the folder for dropped import blobs).</summary>
[Collection(LocalHostCollection.Name)]
public class MeTests(LocalHostFixture host)
{
    [Fact]
    public async Task The_account_key_and_an_agent_key_both_name_their_account()
    {
        var owner = await host.ClientForNewAccountAsync();
        var accountId = await host.AccountIdAsync(owner);
        var agent = await owner.CreateAgentAsync("technician");

        var asOwner = await owner.GetObjectAsync("api/me");
        var asAgent = await host.ClientFor(agent.Key).GetObjectAsync("api/me");

        Assert.Equal(("account", accountId), ((string?)asOwner["kind"], (string?)asOwner["accountId"]));
        Assert.Equal(("agent", accountId, agent.Id), ((string?)asAgent["kind"], (string?)asAgent["accountId"], (string?)asAgent["agentId"]));
    }
}

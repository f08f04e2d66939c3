using System.Net;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Tickets;

[Collection(LocalHostCollection.Name)]
public class RoutingMatchTests(LocalHostFixture host)
{
    private async Task<(HttpClient Client, string Contoso, string Mail)> SetUpAsync()
    {
        var client = await host.ClientForNewAccountAsync();
        var contoso = await client.PostAsync("api/tenants", Http.Json(new
        {
            name = "Contoso", contacts = new[] { new { name = "Ann", email = "ann@gmail.com" } }, domains = new[] { "contoso.com" },
        }));
        var mail = await client.PostAsync("api/tenants", Http.Json(new
        {
            name = "Contoso Mail", contacts = new[] { new { name = "Bob", email = "bob@elsewhere.org" } }, domains = new[] { "mail.contoso.com" },
        }));
        return (client, (string)(await contoso.ReadObjectAsync())["id"]!, (string)(await mail.ReadObjectAsync())["id"]!);
    }

    private static async Task<JsonObject> MatchAsync(HttpClient client, string from, string? auth = null) =>
        await (await client.GetAsync($"api/ticket-routing/match?from={Uri.EscapeDataString(from)}" + (auth is null ? "" : $"&senderAuthentication={auth}"))).ReadObjectAsync();

    [Fact]
    public async Task A_contacts_exact_address_wins_even_on_a_public_mailbox()
    {
        var (client, contoso, _) = await SetUpAsync();

        var match = await MatchAsync(client, "\"Ann\" <Ann+support@GMAIL.com>");

        Assert.Equal((contoso, "contact"), ((string?)match["tenantId"], (string?)match["match"]));
    }

    [Fact]
    public async Task A_sibling_domain_read_with_the_parents_does_not_route_the_sender()
    {
        var (client, contoso, _) = await SetUpAsync();
        // "abc.contoso.com" sorts between "contoso.com" and "eu.contoso.com" in the reversed-label index.
        await client.PostAsync("api/tenants", Http.Json(new
        {
            name = "Contoso Abc", contacts = new[] { new { name = "Cy", email = "cy@elsewhere.org" } }, domains = new[] { "abc.contoso.com", "contoso-abc.com" },
        }));

        var match = await MatchAsync(client, "someone@eu.contoso.com");

        Assert.Equal((contoso, "parent", "contoso.com"), ((string?)match["tenantId"], (string?)match["match"], (string?)match["matchedDomain"]));
    }

    [Fact]
    public async Task The_most_specific_domain_owner_wins()
    {
        var (client, contoso, mail) = await SetUpAsync();

        var exact = await MatchAsync(client, "someone@mail.contoso.com");
        var parent = await MatchAsync(client, "someone@eu.mail.contoso.com");
        var top = await MatchAsync(client, "someone@sales.contoso.com");

        Assert.Equal((mail, "exact", "mail.contoso.com"), ((string?)exact["tenantId"], (string?)exact["match"], (string?)exact["matchedDomain"]));
        Assert.Equal((mail, "parent", "mail.contoso.com"), ((string?)parent["tenantId"], (string?)parent["match"], (string?)parent["matchedDomain"]));
        Assert.Equal((contoso, "parent"), ((string?)top["tenantId"], (string?)top["match"]));
    }

    [Fact]
    public async Task Failed_sender_authentication_is_never_routed_by_domain()
    {
        var (client, _, _) = await SetUpAsync();

        var match = await MatchAsync(client, "ceo@contoso.com", "fail");

        Assert.Equal("none", (string?)match["match"]);
        Assert.Null((string?)match["tenantId"]);
        Assert.Contains("authentication", (string?)match["reason"]);
    }

    [Fact]
    public async Task Failed_sender_authentication_is_not_routed_even_from_a_contacts_address()
    {
        var (client, _, _) = await SetUpAsync();

        var match = await MatchAsync(client, "ann@gmail.com", "fail");

        Assert.Equal("none", (string?)match["match"]);
        Assert.Null((string?)match["tenantId"]);
        Assert.Contains("authentication", (string?)match["reason"]);
    }

    [Fact]
    public async Task An_unknown_domain_is_unassigned_with_the_reason()
    {
        var (client, _, _) = await SetUpAsync();

        var match = await MatchAsync(client, "x@fabrikam.com");

        Assert.Equal("none", (string?)match["match"]);
        Assert.Contains("fabrikam.com", (string?)match["reason"]);
    }

    [Fact]
    public async Task A_contact_changed_routes_the_next_match()
    {
        var (client, _, mail) = await SetUpAsync();
        var bob = (await (await client.GetAsync($"api/tenants/{mail}")).ReadObjectAsync())["contacts"]![0]!["id"];

        await client.PatchAsync($"api/tenants/{mail}/contacts/{bob}", new { email = "bob@other.org" });

        Assert.Equal("none", (string?)(await MatchAsync(client, "bob@elsewhere.org"))["match"]);
        Assert.Equal(mail, (string?)(await MatchAsync(client, "bob@other.org"))["tenantId"]);
    }

    [Fact]
    public async Task Missing_from_is_400()
    {
        var client = await host.ClientForNewAccountAsync();

        await (await client.GetAsync("api/ticket-routing/match")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unknown_ticket_has_no_assignment()
    {
        var client = await host.ClientForNewAccountAsync();

        await (await client.GetAsync("api/tickets/T-404/assignment")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}

using System.Net;
using Tenancy.WebConsole.Tenants.Wizard;

namespace Tenancy.WebConsole.Tests.Wizard;

/// <summary>What the API answers to the create call lands next to the field it concerns, on that field's step.</summary>
public sealed class WizardApiAnswersTests : ConsoleTestContext
{
    public WizardApiAnswersTests() =>
        Api.Answer("GET", "/api/device-groups?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");

    [Fact]
    public void A_name_conflict_shows_the_api_message_at_the_name_field()
    {
        Api.Answer("POST", "/api/tenants", HttpStatusCode.Conflict,
            """{"type":"urn:tenancy:problem:tenant-name-taken","title":"Conflict.","status":409,"detail":"A tenant named 'Contoso' already exists.","tenantId":"ten_1","tenantName":"Contoso"}""",
            "application/problem+json");
        var cut = RenderAtReview();

        cut.FindAll("button").Single(b => b.TextContent == "Create tenant").Click();

        cut.WaitForAssertion(() => Assert.Equal("A tenant named 'Contoso' already exists.", cut.Find("#err-name").TextContent.Trim()));
        Assert.Equal("General information", cut.Find("#step-title").TextContent);
    }

    [Fact]
    public void A_validation_error_on_a_contact_email_shows_at_that_email()
    {
        Api.Answer("POST", "/api/tenants", HttpStatusCode.BadRequest,
            """{"type":"urn:tenancy:problem:validation","title":"The request is not valid.","status":400,"errors":{"contacts[0].email":["'ann@' is not a valid email address."]}}""",
            "application/problem+json");
        var cut = RenderAtReview();

        cut.FindAll("button").Single(b => b.TextContent == "Create tenant").Click();

        cut.WaitForAssertion(() => Assert.Equal("'ann@' is not a valid email address.", cut.Find("#err-contacts-0-email").TextContent.Trim()));
    }

    private IRenderedComponent<TenantWizard> RenderAtReview()
    {
        var cut = Render<TenantWizard>();
        cut.Find("#tenant-name").Input("Contoso");
        cut.Find("input[id^=c-name-]").Input("Ann Lee");
        for (var i = 0; i < 3; i++) cut.FindAll("button").Single(b => b.TextContent == "Next").Click();
        Assert.Equal("Review", cut.Find("#step-title").TextContent);
        return cut;
    }
}

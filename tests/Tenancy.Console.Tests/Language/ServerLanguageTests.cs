using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Pages;

namespace Tenancy.WebConsole.Tests.Language;

/// <summary>The console asks the API for its own language and shows the API's messages as they come, so French in French.</summary>
public sealed class ServerLanguageTests : ConsoleTestContext
{
    private const string FrenchRefusal = """
        {"type":"urn:tenancy:problem:forbidden","title":"Cette opération n'est pas permise.","status":403,
         "detail":"Le rôle technicien ne permet pas de faire ceci (lire le journal d'audit)."}
        """;

    private readonly List<string> _languages = [];

    public ServerLanguageTests()
    {
        // The console's own chain in front of the fake API, with a look at what leaves it.
        Services.AddSingleton(new HttpClient(new LanguageHandler { InnerHandler = new Seen(_languages) { InnerHandler = Api } })
            { BaseAddress = new Uri("http://console.test/") });
        Api.Answer("GET", "/api/agents?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/audit?pageSize=50", HttpStatusCode.Forbidden, FrenchRefusal, "application/problem+json");
    }

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("en-US", "en")]
    public void Every_call_asks_for_the_consoles_language(string culture, string expected)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

        var cut = Render<AuditPage>();

        cut.WaitForElement("[role=alert]");
        Assert.NotEmpty(_languages);
        Assert.All(_languages, l => Assert.Equal(expected, l));
    }

    [Fact]
    public void A_french_refusal_of_the_api_is_shown_as_it_came()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");

        var cut = Render<AuditPage>();

        Assert.Equal("Le rôle technicien ne permet pas de faire ceci (lire le journal d'audit).", cut.WaitForElement("[role=alert]").TextContent.Trim());
    }

    private sealed class Seen(List<string> languages) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            languages.Add(request.Headers.AcceptLanguage.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}

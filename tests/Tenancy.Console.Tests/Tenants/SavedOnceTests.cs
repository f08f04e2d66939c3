using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Pages;
using Tenancy.WebConsole.Session;

namespace Tenancy.WebConsole.Tests.Tenants;

/// <summary>The tenant page's notes: a counter, refused past the limit rather than cut, and "Saved." said once.</summary>
public sealed class SavedOnceTests : ConsoleTestContext
{
    private const string Tenant = """{"id":"ten_1","name":"Contoso","notes":null,"contacts":[],"deviceGroups":[],"domains":[],"origin":{"kind":"console","importId":null},"createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z"}""";

    public SavedOnceTests()
    {
        Services.GetRequiredService<ConsoleSession>().SignInAsync("tny_key", CallerResponse.Account).GetAwaiter().GetResult();
        Api.Answer("GET", "/api/tenants/ten_1", HttpStatusCode.OK, Tenant);
    }

    private IRenderedComponent<TenantPage> Open()
    {
        var cut = Render<TenantPage>(p => p.Add(t => t.TenantId, "ten_1"));
        cut.WaitForElement("#tenant-notes");
        return cut;
    }

    [Fact]
    public void Saving_the_notes_says_saved_once()
    {
        Api.Answer("PATCH", "/api/tenants/ten_1", HttpStatusCode.OK, Tenant.Replace("\"notes\":null", "\"notes\":\"Key account\""));
        var cut = Open();

        cut.Find("#tenant-notes").Input("Key account");
        cut.Find("#tenant-notes").Blur();

        cut.WaitForAssertion(() => Assert.Equal("Saved.", cut.Find("[data-testid=save-state]").TextContent));
        Assert.Single(cut.FindAll("[role=status]"), s => s.TextContent.Contains("Saved."));
    }

    [Fact]
    public void Notes_past_the_limit_show_the_count_and_are_not_sent()
    {
        var cut = Open();

        cut.Find("#tenant-notes").Input(new string('n', 501));
        cut.Find("#tenant-notes").Blur();

        Assert.Equal("501 / 500 characters", cut.Find("[data-testid=tenant-notes-count]").TextContent);
        Assert.Contains("at most 500 characters", cut.Find("#err-notes").TextContent);
        Assert.DoesNotContain(Api.Requests, r => r.Route.StartsWith("PATCH", StringComparison.Ordinal));
    }
}

using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Tenancy.Core.Audit;
using Tenancy.WebConsole.Audit;
using Tenancy.WebConsole.Pages;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>The audit log reads in the person's language: actions, targets, field names and coded values, not raw codes.</summary>
public sealed class AuditWordsTests : ConsoleTestContext
{
    private const string Created = """
        {"id":"au_1","at":"2026-03-02T09:00:00Z","actor":{"kind":"account","id":"acc_1","name":"Owner"},"action":"tenant.created",
         "targetType":"tenant","targetId":"ten_1","after":{"name":"Contoso","deviceGroupIds":["grp_1"],"origin":"console",
         "contacts":[{"id":"con_1","name":"Ann Lee","isPrimary":true}]}}
        """;

    private const string Moved = """
        {"id":"au_2","at":"2026-03-02T09:00:00Z","actor":{"kind":"account","id":"acc_1","name":"Owner"},"action":"deviceGroup.assigned",
         "targetType":"tenant","targetId":"ten_2",
         "before":{"deviceGroups":[{"id":"grp_1","name":"Laptops","tenantId":"ten_1"}]},
         "after":{"deviceGroups":[{"id":"grp_1","name":"Laptops","tenantId":"ten_2"}]}}
        """;

    private IRenderedComponent<AuditPage> RenderLog(params string[] entries)
    {
        Api.Answer("GET", "/api/agents?pageSize=200", HttpStatusCode.OK, """{"items":[],"continuationToken":null}""");
        Api.Answer("GET", "/api/audit?pageSize=50", HttpStatusCode.OK, $$"""{"items":[{{string.Join(",", entries)}}],"continuationToken":null}""");
        var cut = Render<AuditPage>();
        cut.WaitForElement("[data-testid=audit] tbody tr");
        return cut;
    }

    [Fact]
    public void In_english_a_creation_reads_as_words_with_its_origin_as_created_one_by_one()
    {
        var row = RenderLog(Created).Find("[data-testid=audit] tbody tr").TextContent;

        Assert.Contains("Tenant created", row);
        Assert.Contains("Device groups", row);
        Assert.Contains("created one by one", row);
        Assert.DoesNotContain("tenant.created", row);
        Assert.DoesNotContain("deviceGroupIds", row);
    }

    [Fact]
    public void In_french_actions_targets_fields_and_values_are_french()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");

        var row = RenderLog(Created).Find("[data-testid=audit] tbody tr").TextContent;

        Assert.Contains("Locataire créé", row);
        Assert.Contains("Groupes d'appareils", row);
        Assert.Contains("créé un par un", row);
        Assert.Contains("Locataire ·", row);
        Assert.DoesNotContain("origin", row);
    }

    [Fact]
    public void A_group_move_shows_the_tenant_it_left_and_the_tenant_it_joined()
    {
        var cut = RenderLog(Created, Moved);

        var move = cut.FindAll("[data-testid=audit] tbody tr")[1].TextContent;
        Assert.Contains("Device groups assigned", move);
        Assert.Contains("Laptops (Contoso)", move);
        Assert.Contains("Laptops (ten_2)", move);
    }

    [Fact]
    public void Every_action_the_server_records_has_words_in_english_and_in_french()
    {
        foreach (var file in new[] { "Strings.resx", "Strings.fr.resx" })
        {
            var keys = ResourceKeys(file);
            Assert.Empty(AuditActions.All.Select(a => AuditWords.ActionPrefix + a).Except(keys));
        }
    }

    private static HashSet<string> ResourceKeys(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "Tenancy.slnf"))) dir = dir.Parent;
        return XDocument.Load(Path.Combine(dir.FullName, "src", "Tenancy.Console", "Resources", file)).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
    }
}

using System.Text.Json;
using Tenancy.WebConsole.Audit;

namespace Tenancy.WebConsole.Tests.Access;

/// <summary>An audit entry reads as the fields it changed, before and after, not as two JSON documents.</summary>
public sealed class AuditChangesTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void An_update_shows_only_the_fields_that_changed()
    {
        var changes = AuditChanges.Of(Json("""{"id":"agt_1","name":"Tess","role":"technician","email":"t@x.example"}"""),
            Json("""{"id":"agt_1","name":"Tess","role":"administrator","email":"t@x.example"}"""));

        Assert.Equal([new AuditChange("role", "technician", "administrator")], changes);
    }

    [Fact]
    public void A_creation_shows_each_field_it_set_and_lists_as_text()
    {
        var changes = AuditChanges.Of(null, Json("""{"id":"ag_1","name":"Night shift","agentIds":["agt_1","agt_2"],"notes":null}"""));

        Assert.Equal([new AuditChange("name", null, "Night shift"), new AuditChange("agentIds", null, "agt_1, agt_2"), new AuditChange("notes", null, "—")], changes);
    }

    [Fact]
    public void A_deletion_shows_what_was_there_and_names_the_target()
    {
        var before = Json("""{"id":"ten_1","name":"Contoso"}""");

        Assert.Equal([new AuditChange("name", "Contoso", null)], AuditChanges.Of(before, null));
        Assert.Equal("Contoso", AuditChanges.Name(before, null));
    }

    [Fact]
    public void Ids_the_page_knows_read_as_names_and_a_list_of_contacts_as_their_names()
    {
        var names = new Dictionary<string, string> { ["agt_1"] = "Tess Tech", ["tnt_1"] = "Contoso" };

        var changes = AuditChanges.Of(null, Json("""{"agentId":"agt_1","tenantId":"tnt_1","contacts":[{"id":"con_1","name":"Fay Rivera","isPrimary":true}]}"""), names);

        Assert.Equal([new AuditChange("agentId", null, "Tess Tech"), new AuditChange("tenantId", null, "Contoso"), new AuditChange("contacts", null, "Fay Rivera")], changes);
    }

    [Fact]
    public void A_snapshot_cut_by_the_api_shows_its_preview()
    {
        var changes = AuditChanges.Of(null, Json("""{"truncated":true,"chars":20000,"preview":"{\"name\":\"Big\""}"""));

        Assert.Equal([new AuditChange("…", null, "{\"name\":\"Big\"")], changes);
    }
}

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
}

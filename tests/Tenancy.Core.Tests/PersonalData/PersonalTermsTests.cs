using Tenancy.Core.PersonalData;

namespace Tenancy.Core.Tests.PersonalData;

/// <summary>R15: how a person's values are recognised in stored texts and replaced by their pseudonym.</summary>
public class PersonalTermsTests
{
    private static readonly PersonalTerms Zoe = PersonalTerms.Of("zoe.doe@contoso.com", ["Zoe.Doe@Contoso.com", "Zoë Doe", "6 11 22 33 44", "Al"]);

    [Fact]
    public void The_pseudonym_is_the_same_for_one_address_and_does_not_spell_it()
    {
        Assert.Equal(Zoe.Pseudonym, PersonalTerms.Of("zoe.doe@contoso.com", []).Pseudonym);
        Assert.Matches("^erased-[0-9a-f]{8}$", Zoe.Pseudonym);
        Assert.NotEqual(Zoe.Pseudonym, PersonalTerms.Of("ann@contoso.com", []).Pseudonym);
    }

    [Fact]
    public void Values_inside_json_are_replaced_one_by_one_and_the_json_stays_valid()
    {
        var json = "{\"id\":\"con_1\",\"name\":\"Zo\\u00EB Doe\",\"email\":\"ZOE.DOE@contoso.com\",\"phone\":\"6 11 22 33 44\",\"isPrimary\":false}";

        var scrubbed = Zoe.Scrub(json);

        var node = System.Text.Json.Nodes.JsonNode.Parse(scrubbed)!;
        Assert.Equal(Zoe.Pseudonym, (string?)node["name"]);
        Assert.Equal(Zoe.Pseudonym, (string?)node["email"]);
        Assert.Equal(Zoe.Pseudonym, (string?)node["phone"]);
        Assert.Equal("con_1", (string?)node["id"]);
        Assert.False((bool)node["isPrimary"]!);
    }

    [Fact]
    public void An_address_with_another_case_or_a_tag_inside_a_text_is_the_person()
    {
        Assert.Equal($"write to {Zoe.Pseudonym} today", Zoe.Scrub("write to Zoe.Doe+billing@CONTOSO.com today"));
        Assert.True(Zoe.Holds("\"Zoë Doe\" <zoe.doe+x@contoso.com>"));
    }

    [Fact]
    public void A_short_value_is_replaced_only_where_it_is_the_whole_text()
    {
        Assert.Equal(Zoe.Pseudonym, Zoe.Scrub("al"));
        Assert.Equal("Always call Alice", Zoe.Scrub("Always call Alice"));
    }

    [Fact]
    public void A_text_without_the_person_is_left_as_it_is()
    {
        const string json = "{\"name\":\"Ann Lee\",\"email\":\"ann@contoso.com\"}";

        Assert.False(Zoe.Holds(json));
        Assert.Same(json, Zoe.Scrub(json));
    }
}

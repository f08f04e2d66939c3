using Tenancy.Core.Common;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Tests.Tenants;

public class TenantNameTests
{
    [Fact]
    public void Names_differing_in_case_and_spacing_share_one_key() =>
        Assert.Equal(TenantName.Key("contoso ltd"), TenantName.Key("  CONTOSO \t  Ltd "));

    [Fact]
    public void Clean_trims_and_collapses_inner_spaces() =>
        Assert.Equal("Contoso Ltd", TenantName.Clean("  Contoso    Ltd  "));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Requires_a_name(string name)
    {
        var errors = new FieldErrors();
        TenantName.Validate(TenantName.Clean(name), errors);
        Assert.True(errors.Any);
    }

    [Fact]
    public void Rejects_names_over_128_characters()
    {
        var errors = new FieldErrors();
        TenantName.Validate(TenantName.Clean(new string('a', 129)), errors);
        Assert.True(errors.Any);
    }

    public static TheoryData<string, string> LookAlikes => new()
    {
        { "zero-width space", "Acme\u200B Corp" },
        { "zero-width joiner", "Ac\u200Dme Corp" },
        { "zero-width non-joiner", "Acme Co\u200Crp" },
        { "BOM", "\uFEFFAcme Corp" },
        { "soft hyphen", "Ac\u00ADme Corp" },
        { "word joiner", "Acme\u2060 Corp" },
        { "LRM", "\u200EAcme Corp" },
        { "RLO", "Acme Corp\u202E" },
        { "Mongolian vowel separator", "Acme\u180E Corp" },
        { "Greek capital alpha", "\u0391cme Corp" },
        { "Greek small omicron", "Acme C\u03BFrp" },
        { "Cyrillic small a and es", "\u0430\u0441me Corp" },
        { "Cyrillic capital A", "\u0410cme Corp" },
        { "fullwidth letters", "\uFF21\uFF43\uFF4D\uFF45 Corp" },
        { "no-break space", "Acme\u00A0Corp" },
    };

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void A_name_that_looks_the_same_has_the_same_key(string what, string name) =>
        Assert.True(TenantName.Key("Acme Corp") == TenantName.Key(name), what);

    [Fact]
    public void The_kelvin_sign_is_the_letter_k() =>
        Assert.Equal(TenantName.Key("Kilo Corp"), TenantName.Key("\u212Ailo Corp"));

    [Fact]
    public void Names_that_look_different_keep_different_keys()
    {
        Assert.NotEqual(TenantName.Key("Corn"), TenantName.Key("Com"));
        Assert.NotEqual(TenantName.Key("Müller"), TenantName.Key("Muller"));
        Assert.NotEqual(TenantName.Key("Ελλάδα"), TenantName.Key("Ελλαδα"));
    }

    [Fact]
    public void Clean_keeps_what_was_typed_less_invisible_characters() =>
        Assert.Equal("Ａcme Сorp", TenantName.Clean("\uFEFF\u200EＡcme\u200B Сorp\u202E"));

    [Fact]
    public void A_name_of_invisible_characters_only_is_missing()
    {
        var errors = new FieldErrors();
        TenantName.Validate(TenantName.Clean("\u200B\uFEFF\u200E"), errors);
        Assert.True(errors.Any);
    }
}

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
}

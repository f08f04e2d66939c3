using Tenancy.Core.Common;
using Tenancy.Core.Contacts;

namespace Tenancy.Core.Tests.Contacts;

public class ContactRulesTests
{
    private static FieldErrors Validate(ContactFields fields)
    {
        var errors = new FieldErrors();
        ContactRules.Create(fields, "con_1", DateTimeOffset.UnixEpoch, errors);
        return errors;
    }

    private static ContactFields Fields(string? name = "Ann", string? role = null, string? email = null,
        string? countryCode = null, string? phone = null, string? notes = null) =>
        new(name, role, email, countryCode, phone, notes, null);

    [Fact]
    public void Accepts_a_complete_contact()
    {
        Assert.False(Validate(Fields("Ann Lee", "IT lead", "ann.lee@contoso.com", "+33", "(01) 23-45.67 89", "Call mornings")).Any);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Requires_a_name(string? name) =>
        Assert.Contains("name", Validate(Fields(name)).ToDictionary().Keys);

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("Ann <ann@contoso.com>")]
    [InlineData("ann@contoso")]
    [InlineData("ann@@contoso.com")]
    [InlineData("ann @contoso.com")]
    [InlineData("ann@.contoso.com")]
    public void Rejects_invalid_emails(string email) =>
        Assert.Contains("email", Validate(Fields(email: email)).ToDictionary().Keys);

    [Fact]
    public void Rejects_an_email_over_254_characters() =>
        Assert.Contains("email", Validate(Fields(email: new string('a', 250) + "@x.com")).ToDictionary().Keys);

    [Theory]
    [InlineData("33")]
    [InlineData("+1234")]
    [InlineData("+")]
    [InlineData("+3a")]
    public void Rejects_bad_country_codes(string code) =>
        Assert.Contains("countryCode", Validate(Fields(countryCode: code)).ToDictionary().Keys);

    [Theory]
    [InlineData("123")]
    [InlineData("1234567890123456")]
    [InlineData("+33 1 23 45")]
    [InlineData("01-23-AB")]
    public void Rejects_bad_phone_numbers(string phone) =>
        Assert.Contains("phone", Validate(Fields(phone: phone)).ToDictionary().Keys);

    [Fact]
    public void Enforces_length_limits()
    {
        var errors = Validate(Fields(new string('n', 129), new string('r', 101), notes: new string('x', 501))).ToDictionary();

        Assert.Contains("name", errors.Keys);
        Assert.Contains("role", errors.Keys);
        Assert.Contains("notes", errors.Keys);
    }

    [Fact]
    public void Patch_keeps_absent_fields_and_clears_empty_ones()
    {
        var current = new Contact("con_1", "Ann", "CTO", "ann@contoso.com", "+33", "0123", null, true, DateTimeOffset.UnixEpoch);

        var patched = ContactRules.Patch(current, new ContactFields(null, "", null, null, null, "new", null), new FieldErrors());

        Assert.Equal(("Ann", null, "ann@contoso.com", "new"), (patched.Name, patched.Role, patched.Email, patched.Notes));
    }
}

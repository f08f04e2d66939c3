using Tenancy.Core.Common.Messages;
using Tenancy.Core.Imports;

namespace Tenancy.Core.Tests.Common;

/// <summary>The catalogue of what the API says: every message in English and French, found again from its English text.</summary>
public sealed class ApiMessagesTests
{
    public static TheoryData<string> Codes => new(ApiMessages.All.Select(m => m.Code));

    private static Message ByCode(string code) => ApiMessages.All.Single(m => m.Code == code);

    [Theory, MemberData(nameof(Codes))]
    public void Every_message_has_english_and_french_with_the_same_arguments(string code)
    {
        var message = ByCode(code);

        Assert.False(string.IsNullOrWhiteSpace(message.English));
        Assert.False(string.IsNullOrWhiteSpace(message.French));
        Assert.NotEqual(message.English, message.French);
        Assert.Equal(Message.Numbers(message.English).Order(), Message.Numbers(message.French).Order());
    }

    [Theory, MemberData(nameof(Codes))]
    public void Every_message_said_in_english_is_said_again_in_french(string code)
    {
        var message = ByCode(code);
        var args = Enumerable.Range(0, message.ArgumentCount).Select(i => (object?)$"x{i}").ToArray();

        Assert.Equal(message.In(TemplateLanguage.French, args), MessageLanguage.In(TemplateLanguage.French, message.Text(args)));
    }

    [Fact]
    public void Codes_are_unique()
    {
        Assert.Equal(ApiMessages.All.Count, ApiMessages.All.Select(m => m.Code).Distinct().Count());
    }

    [Fact]
    public void A_refusal_names_the_role_and_the_operation_in_french_too()
    {
        var english = ApiMessages.RoleMayNot.Text(ApiMessages.Technician.English, ApiMessages.ReadAudit.English);

        Assert.Equal("Le rôle technicien ne permet pas de faire ceci (lire le journal d'audit).", MessageLanguage.In(TemplateLanguage.French, english));
    }

    [Fact]
    public void A_sentence_outside_the_catalogue_stays_as_it_is()
    {
        Assert.Equal("Something else entirely.", MessageLanguage.In(TemplateLanguage.French, "Something else entirely."));
    }

    [Fact]
    public void A_report_line_says_its_column_and_message_in_the_language_asked()
    {
        var line = "Contact email: " + ApiMessages.EmailNotValid.Text("bob@");

        Assert.Equal("Adresse électronique du contact : « bob@ » n'est pas une adresse électronique valide.", MessageLanguage.ReportLine(TemplateLanguage.French, line));
        Assert.Equal("Contact email: 'bob@' is not a valid email address.",
            MessageLanguage.ReportLine(TemplateLanguage.English, "Adresse électronique du contact: " + ApiMessages.EmailNotValid.Text("bob@")));
    }
}

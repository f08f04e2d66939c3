using Tenancy.WebConsole.Shared;

namespace Tenancy.WebConsole.Tests.Imports;

/// <summary>The template's language selector says what it is, on screen: it is not the page's language selector.</summary>
public sealed class TemplateLanguageTests : ConsoleTestContext
{
    [Fact]
    public void The_template_language_has_a_visible_label_of_its_own()
    {
        var cut = Render<TemplateDownload>();

        var label = cut.Find("label[for=template-lang-main]");
        Assert.Equal("Template language", label.TextContent);
        Assert.DoesNotContain("visually-hidden", label.ClassName ?? "");
    }
}

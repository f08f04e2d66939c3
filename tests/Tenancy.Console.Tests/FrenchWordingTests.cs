using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Tenancy.WebConsole.Tests;

/// <summary>
/// The French console uses the product page's own words for its steps and buttons, one verb per action (affecter,
/// dissocier), one term for an address (adresse électronique), one for signing in (Se connecter), and French
/// typography: a non-breaking space before ":", ";", "?" and "!".
/// </summary>
public sealed partial class FrenchWordingTests
{
    private static readonly Dictionary<string, string> French = Load("Strings.fr.resx");

    [Theory]
    [InlineData("StepDeviceGroups", "Assigner des groupes d'appareils")]
    [InlineData("StepReview", "Revue")]
    [InlineData("StepDomains", "Domaines de messagerie")]
    [InlineData("CreateTenant", "Créer un locataire")]
    [InlineData("AssignGroups", "Affecter des groupes")]
    [InlineData("CreateGroup", "Créer un groupe")]
    [InlineData("UnassignGroup", "Dissocier le groupe")]
    [InlineData("DeleteGroup", "Supprimer le groupe")]
    [InlineData("ContactNotes", "Notes sur le contact")]
    [InlineData("ContactEmail", "Adresse électronique")]
    [InlineData("NotRouted", "N'est affecté à aucun locataire.")]
    [InlineData("SignInTitle", "Se connecter")]
    [InlineData("SignIn", "Se connecter")]
    public void The_product_pages_words_are_used(string key, string expected) => Assert.Equal(expected, French[key]);

    [Fact]
    public void One_verb_per_action_and_one_word_for_an_address()
    {
        var mixed = French.Where(e => e.Key != "StepDeviceGroups" && MixedWords().IsMatch(e.Value)).Select(e => $"{e.Key}: {e.Value}").ToList();

        Assert.Empty(mixed);
    }

    [Fact]
    public void Punctuation_that_needs_it_has_a_non_breaking_space_before_it()
    {
        var plain = French.Where(e => PlainSpaceBeforePunctuation().IsMatch(e.Value) || NoSpaceBeforePunctuation().IsMatch(e.Value))
            .Select(e => $"{e.Key}: {e.Value}").ToList();

        Assert.Empty(plain);
    }

    private static Dictionary<string, string> Load(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tenancy.slnf"))) dir = dir.Parent;
        var path = Path.Combine(dir!.FullName, "src", "Tenancy.Console", "Resources", file);
        return XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
    }

    [GeneratedRegex(@"\b(?:[Aa]ttribu|[Aa]ssign|[Dd]ésassign|e-mail|email|Ouvrir une session)", RegexOptions.CultureInvariant)]
    private static partial Regex MixedWords();

    [GeneratedRegex(@" [:;?!]")]
    private static partial Regex PlainSpaceBeforePunctuation();

    // A word straight against the mark ("Après:"); a time ("12:30") or a placeholder's format ("{0:g}") is not French text.
    [GeneratedRegex(@"[\p{L}\)»][;?!]|\p{L}:(?!\d)")]
    private static partial Regex NoSpaceBeforePunctuation();
}

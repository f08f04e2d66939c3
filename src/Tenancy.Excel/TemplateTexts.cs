using Tenancy.Core.Imports;

namespace Tenancy.Excel;

/// <summary>The words of the workbook around the columns (sheet names, help, validation messages), in both languages.</summary>
internal sealed record TemplateTexts(
    string DataSheet,
    string HelpSheet,
    string HelpTitle,
    IReadOnlyList<string> HelpIntro,
    string ColumnHeading,
    string RequiredHeading,
    string DescriptionHeading,
    string Yes,
    string No,
    string True,
    string False,
    string PrimaryErrorTitle,
    string PrimaryErrorMessage,
    string LengthErrorTitle,
    string LengthErrorMessage,
    string ErrorColumn,
    string SourceRowColumn)
{
    public static TemplateTexts For(TemplateLanguage language) => language == TemplateLanguage.French ? French : English;

    private static readonly TemplateTexts English = new(
        DataSheet: "Tenants",
        HelpSheet: "Help",
        HelpTitle: "How to fill in the tenant import template",
        HelpIntro:
        [
            "Fill in the first sheet, one row per contact. Rows with the same tenant name make one tenant with several contacts, wherever they stand in the sheet.",
            "Keep the header row as it is (the columns may be moved, and columns the importer does not know, such as \"Error\", are ignored).",
            "The two highlighted rows are an example: replace them with your own tenants or delete them. Left unchanged, they are skipped.",
            "Type values, not formulas. The columns are formatted as text so that phone numbers and country codes keep their + and leading zeros; dates are refused.",
            "A tenant with an invalid row is not created; every problem is reported with its row and column, and the failed rows can be downloaded, fixed and uploaded again.",
            "Imported tenants have no device groups: assign them from the console afterwards.",
        ],
        ColumnHeading: "Column",
        RequiredHeading: "Required",
        DescriptionHeading: "Description",
        Yes: "Yes",
        No: "No",
        True: "TRUE",
        False: "FALSE",
        PrimaryErrorTitle: "Primary contact",
        PrimaryErrorMessage: "Choose TRUE or FALSE.",
        LengthErrorTitle: "Too long",
        LengthErrorMessage: "This cell accepts at most {0} characters.",
        ErrorColumn: "Error",
        SourceRowColumn: "Row in uploaded file");

    private static readonly TemplateTexts French = new(
        DataSheet: "Locataires",
        HelpSheet: "Aide",
        HelpTitle: "Comment remplir le modèle d'importation de locataires",
        HelpIntro:
        [
            "Remplissez la première feuille, une ligne par contact. Les lignes qui portent le même nom de locataire forment un seul locataire avec plusieurs contacts, où qu'elles se trouvent dans la feuille.",
            "Gardez la ligne d'en-tête telle quelle (les colonnes peuvent être déplacées, et les colonnes que l'importation ne connaît pas, comme « Erreur », sont ignorées).",
            "Les deux lignes surlignées sont un exemple : remplacez-les par vos locataires ou supprimez-les. Laissées telles quelles, elles sont ignorées.",
            "Saisissez des valeurs, pas des formules. Les colonnes sont au format texte pour que les numéros de téléphone et les codes pays gardent leur + et leurs zéros en tête ; les dates sont refusées.",
            "Un locataire dont une ligne est invalide n'est pas créé ; chaque problème est signalé avec sa ligne et sa colonne, et les lignes en échec peuvent être téléchargées, corrigées et envoyées de nouveau.",
            "Les locataires importés n'ont pas de groupes d'appareils : assignez-les ensuite depuis la console.",
        ],
        ColumnHeading: "Colonne",
        RequiredHeading: "Obligatoire",
        DescriptionHeading: "Description",
        Yes: "Oui",
        No: "Non",
        True: "VRAI",
        False: "FAUX",
        PrimaryErrorTitle: "Contact principal",
        PrimaryErrorMessage: "Choisissez VRAI ou FAUX.",
        LengthErrorTitle: "Trop long",
        LengthErrorMessage: "Cette cellule accepte au plus {0} caractères.",
        ErrorColumn: "Erreur",
        SourceRowColumn: "Ligne du fichier envoyé");
}

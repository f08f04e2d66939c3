namespace Tenancy.WebConsole.Resources;

/// <summary>Names the resource files Strings.resx (English) and Strings.fr.resx (French) for IStringLocalizer.</summary>
public sealed class Strings;

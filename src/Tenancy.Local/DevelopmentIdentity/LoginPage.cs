using System.Net;
using System.Text;
using OpenIddict.Abstractions;

namespace Tenancy.Local.DevelopmentIdentity;

/// <summary>
/// The development provider's sign-in page: email and password, labelled, no script (the console's
/// Content-Security-Policy allows no inline script). It posts back to the authorization endpoint with the request's
/// own parameters, so that no session is kept between the two.
/// </summary>
public static class LoginPage
{
    public static string Render(OpenIddictRequest request, bool french, bool failed)
    {
        var text = french ? French : English;
        var html = new StringBuilder();
        html.Append($"<!doctype html><html lang=\"{(french ? "fr" : "en")}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{text.Title}</title></head><body><main>")
            .Append($"<h1>{text.Title}</h1><p>{text.Intro}</p>");
        if (failed) html.Append($"<p role=\"alert\" id=\"error\">{text.Failed}</p>");
        html.Append("<form method=\"post\" action=\"\">");
        foreach (var (name, value) in request.GetParameters())
        {
            if (name is Fields.Email or Fields.Password) continue;
            html.Append($"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode((string?)value)}\">");
        }
        html.Append($"<p><label for=\"{Fields.Email}\">{text.Email}</label><br><input id=\"{Fields.Email}\" name=\"{Fields.Email}\" type=\"email\" autocomplete=\"username\" required autofocus></p>")
            .Append($"<p><label for=\"{Fields.Password}\">{text.Password}</label><br><input id=\"{Fields.Password}\" name=\"{Fields.Password}\" type=\"password\" autocomplete=\"current-password\" required></p>")
            .Append($"<p><button type=\"submit\">{text.Submit}</button></p></form></main></body></html>");
        return html.ToString();
    }

    public static class Fields
    {
        public const string Email = "email";
        public const string Password = "password";
    }

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? "");

    private sealed record Texts(string Title, string Intro, string Email, string Password, string Submit, string Failed);

    private static readonly Texts English = new("Sign in (development)", "Tenancy's development identity provider, on this machine only.",
        "Email", "Password", "Sign in", "The email or the password is not right.");

    private static readonly Texts French = new("Connexion (développement)", "Le fournisseur d'identité de développement de Tenancy, sur cette machine seulement.",
        "Adresse e-mail", "Mot de passe", "Se connecter", "L'adresse e-mail ou le mot de passe est incorrect.");
}

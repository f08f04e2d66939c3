using System.Net;
using Tenancy.Api.Tests.Access;
using Tenancy.Api.Tests.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Localisation;

/// <summary>The API answers in the caller's language (Accept-Language: en by default, fr): problems, import errors and the error report.</summary>
[Collection(LocalHostCollection.Name)]
public class CallersLanguageTests(LocalHostFixture host)
{
    private static readonly string[][] OneBadRow =
    [
        ["Good Co", "Ann", "TRUE", "", "ann@good.com", "", "", "", "", ""],
        ["Bad Co", "Bob", "TRUE", "", "bob-at-bad.com", "", "", "", "", ""],
    ];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string language, HttpContent? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    private static HttpContent BadCountryCode() =>
        Http.Json(new { name = "Contoso", contacts = new[] { new { name = "Ann Lee", countryCode = "33" } } });

    [Fact]
    public async Task A_field_error_is_in_french_for_a_french_caller()
    {
        var client = await host.ClientForNewAccountAsync();

        var response = await SendAsync(client, HttpMethod.Post, "api/tenants", "fr-FR, fr;q=0.9, en;q=0.5", BadCountryCode());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("fr", response.Content.Headers.ContentLanguage.Single());
        var problem = await response.ReadObjectAsync();
        Assert.Equal("urn:tenancy:problem:validation", (string)problem["type"]!);
        Assert.Equal("La requête n'est pas valide.", (string)problem["title"]!);
        Assert.Equal("Doit être « + » suivi de 1 à 3 chiffres, par exemple +33.", (string)problem["errors"]!["contacts[0].countryCode"]![0]!);
        Assert.Contains("Doit être « + »", (string)problem["detail"]!);
    }

    [Fact]
    public async Task A_field_error_stays_english_without_accept_language_or_for_another_language()
    {
        var client = await host.ClientForNewAccountAsync();

        foreach (var language in new[] { "", "de-DE" })
        {
            var problem = await (language.Length == 0
                ? await client.PostAsync("api/tenants", BadCountryCode())
                : await SendAsync(client, HttpMethod.Post, "api/tenants", language, BadCountryCode())).ReadObjectAsync();

            Assert.Equal("Must be '+' followed by 1 to 3 digits, e.g. +33.", (string)problem["errors"]!["contacts[0].countryCode"]![0]!);
        }
    }

    [Fact]
    public async Task A_refusal_of_the_technician_role_is_in_french()
    {
        var owner = await host.ClientForNewAccountAsync();
        var technician = host.ClientFor((await owner.CreateAgentAsync("technician", "Tess")).Key);

        var response = await SendAsync(technician, HttpMethod.Post, "api/tenants", "fr", BadCountryCode());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal("Cette opération n'est pas permise.", (string)problem["title"]!);
        Assert.Equal("Le rôle technicien ne permet pas de faire ceci (modifier des locataires, des contacts, des domaines, des groupes d'appareils ou des appareils).",
            (string)problem["detail"]!);
    }

    [Fact]
    public async Task An_import_row_error_of_an_english_file_reads_in_french_with_the_french_column_name()
    {
        var client = await host.ClientForNewAccountAsync();
        var job = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), OneBadRow));

        var french = await (await SendAsync(client, HttpMethod.Get, $"api/tenant-imports/{job["id"]}", "fr")).ReadObjectAsync();
        var items = await (await SendAsync(client, HttpMethod.Get, $"api/tenant-imports/{job["id"]}/errors/items", "fr")).ReadObjectAsync();

        foreach (var error in new[] { french["errors"]![0]!, items["items"]![0]! })
        {
            Assert.Equal("Adresse électronique du contact", (string)error["column"]!);
            Assert.Equal("« bob-at-bad.com » n'est pas une adresse électronique valide.", (string)error["message"]!);
        }
        Assert.Equal("'bob-at-bad.com' is not a valid email address.", (string)job["errors"]![0]!["message"]!);
        Assert.Equal("Contact email", (string)job["errors"]![0]!["column"]!);
    }

    [Fact]
    public async Task The_error_report_of_an_english_file_is_french_when_asked_by_lang_or_accept_language()
    {
        var client = await host.ClientForNewAccountAsync();
        var job = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), OneBadRow));

        var byQuery = Spreadsheets.Read(await (await client.GetAsync($"api/tenant-imports/{job["id"]}/errors?lang=fr")).Content.ReadAsByteArrayAsync());
        var byHeader = Spreadsheets.Read(await (await SendAsync(client, HttpMethod.Get, $"api/tenant-imports/{job["id"]}/errors", "fr")).Content.ReadAsByteArrayAsync());
        var asUploaded = Spreadsheets.Read(await (await client.GetAsync($"api/tenant-imports/{job["id"]}/errors")).Content.ReadAsByteArrayAsync());

        foreach (var report in new[] { byQuery, byHeader })
        {
            Assert.Equal("Nom du locataire", report[0][0]);
            Assert.Contains("Erreur", report[0]);
            Assert.Contains("Adresse électronique du contact : « bob-at-bad.com » n'est pas une adresse électronique valide.", report[1]);
        }
        Assert.Equal("Tenant name", asUploaded[0][0]);
        Assert.Contains("Contact email: 'bob-at-bad.com' is not a valid email address.", asUploaded[1]);
    }

    [Fact]
    public async Task An_error_report_in_an_unknown_language_is_refused_in_the_callers_language()
    {
        var client = await host.ClientForNewAccountAsync();
        var job = await client.ImportAsync(Spreadsheets.Fill(await client.TemplateAsync(), OneBadRow));

        var response = await SendAsync(client, HttpMethod.Get, $"api/tenant-imports/{job["id"]}/errors?lang=de", "fr");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Doit être en ou fr.", (string)(await response.ReadObjectAsync())["errors"]!["lang"]![0]!);
    }
}

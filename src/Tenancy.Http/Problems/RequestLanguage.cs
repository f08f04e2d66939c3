using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Tenancy.Core.Imports;

namespace Tenancy.Http.Problems;

/// <summary>The language a caller reads: the first of en or fr in its <c>Accept-Language</c> (by weight); English by default.</summary>
public static class RequestLanguage
{
    private const string Key = "Tenancy.Language";

    /// <summary>Reads the caller's language once, as the request starts: every answer of the request is said in it.</summary>
    public static TemplateLanguage Remember(HttpRequest request) =>
        (TemplateLanguage)(request.HttpContext.Items[Key] = Parse(request));

    public static TemplateLanguage Of(HttpRequest request) =>
        request.HttpContext.Items.TryGetValue(Key, out var known) && known is TemplateLanguage language ? language : Remember(request);

    private static TemplateLanguage Parse(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage.OfType<string>().ToList(), out var ranges) || ranges is null) return TemplateLanguage.English;
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
            if (range.Value.Value is { } tag && tag != "*" && TemplateLanguages.TryParse(tag, out var language))
                return language;
        return TemplateLanguage.English;
    }
}

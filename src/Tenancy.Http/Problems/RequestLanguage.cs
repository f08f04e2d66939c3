using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Tenancy.Core.Imports;

namespace Tenancy.Http.Problems;

/// <summary>The language a caller reads: the first of en or fr in its <c>Accept-Language</c> (by weight); English by default.</summary>
public static class RequestLanguage
{
    public static TemplateLanguage Of(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage.ToArray(), out var ranges)) return TemplateLanguage.English;
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
            if (range.Value.Value is { } tag && tag != "*" && TemplateLanguages.TryParse(tag, out var language))
                return language;
        return TemplateLanguage.English;
    }
}

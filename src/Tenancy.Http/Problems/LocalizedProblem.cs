using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Tenancy.Core.Common.Messages;
using Tenancy.Core.Imports;

namespace Tenancy.Http.Problems;

/// <summary>
/// A problem answer said in the caller's language (<see cref="RequestLanguage"/>): title, detail and each field
/// message, by the catalogue (<see cref="ApiMessages"/>). The choice is made when the answer is written, where the
/// request is known, so every problem of <see cref="ProblemResults"/> gets it.
/// </summary>
internal sealed class LocalizedProblem(int status, string type, string title, string? detail,
    IReadOnlyDictionary<string, string[]>? errors, IReadOnlyDictionary<string, object?>? extensions) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => status;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var language = RequestLanguage.Of(httpContext.Request);
        httpContext.Response.Headers.ContentLanguage = language.Code();
        httpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        string Say(string text) => MessageLanguage.In(language, text);

        if (errors is null)
            return Results.Problem(Say(detail ?? ""), statusCode: status, title: Say(title), type: type,
                extensions: extensions?.ToDictionary(e => e.Key, e => e.Value)).ExecuteAsync(httpContext);

        var said = errors.ToDictionary(e => e.Key, e => e.Value.Select(Say).ToArray());
        return Results.ValidationProblem(said, detail: detail is null ? Summary(said, language) : Say(detail),
            statusCode: status, title: Say(title), type: type).ExecuteAsync(httpContext);
    }

    private static string Summary(IReadOnlyDictionary<string, string[]> errors, TemplateLanguage language)
    {
        var colon = language == TemplateLanguage.French ? " : " : ": ";
        return string.Join(" ", errors.SelectMany(e => e.Value.Select(m => e.Key.Length == 0 ? m : $"{e.Key}{colon}{m}")));
    }
}

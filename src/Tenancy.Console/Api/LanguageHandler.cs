using Tenancy.WebConsole.Session;

namespace Tenancy.WebConsole.Api;

/// <summary>
/// Asks the API to answer in the console's language (<c>Accept-Language</c>), so that its messages (field errors,
/// refusals, import errors, the error report) read in the language of the page around them.
/// </summary>
public sealed class LanguageHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.AcceptLanguage.Clear();
        request.Headers.AcceptLanguage.ParseAdd(ConsoleCulture.Current);
        return base.SendAsync(request, cancellationToken);
    }
}

using System.Net;
using System.Net.Http.Headers;

namespace Tenancy.Hosts.Tests.Support;

/// <summary>
/// An <see cref="HttpClient"/> handler that hands each request, headers and body as sent, to the Functions app's HTTP
/// functions (<see cref="FunctionInvoker"/>): so a test client's own handlers (a signer) work against the Functions host too.
/// </summary>
public sealed class FunctionInvokerHandler(FunctionInvoker invoker) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var answer = await invoker.SendAsync(request);
        var response = new HttpResponseMessage((HttpStatusCode)answer.Status) { Content = new ByteArrayContent(answer.Body), RequestMessage = request };
        if (answer.ContentType is not null) response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(answer.ContentType);
        return response;
    }
}

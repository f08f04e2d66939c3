using System.Net;
using System.Text;

namespace Tenancy.WebConsole.Tests;

/// <summary>A fake API for component tests: canned answers by method and path, and the requests it got.</summary>
public sealed class StubApi : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string Body, string ContentType)> _answers = [];

    private readonly Dictionary<string, TaskCompletionSource> _held = [];

    public List<(string Route, string? Body)> Requests { get; } = [];

    /// <summary>Keeps the answer to a route back until the test completes the returned source (to see a page while it waits).</summary>
    public TaskCompletionSource Hold(string method, string pathAndQuery)
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held[$"{method} {pathAndQuery}"] = held;
        return held;
    }

    public StubApi Answer(string method, string pathAndQuery, HttpStatusCode status, string body, string contentType = "application/json")
    {
        _answers[$"{method} {pathAndQuery}"] = (status, body, contentType);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = $"{request.Method} {request.RequestUri!.PathAndQuery}";
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((route, body));
        if (_held.TryGetValue(route, out var held)) await held.Task;
        var (status, text, type) = _answers.TryGetValue(route, out var a) ? a
            : (HttpStatusCode.NotFound, """{"type":"urn:tenancy:problem:not-found","title":"Not found.","status":404}""", "application/problem+json");
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, type) };
    }
}

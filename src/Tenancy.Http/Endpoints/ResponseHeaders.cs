using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Tenancy.Http.Endpoints;

/// <summary>
/// The response's headers as they were before a handler ran: a handler run whose outcome is dropped (begun with an
/// agent that proved changed, see <c>AgentCallers</c>) leaves none of its headers (an ETag) on the answer.
/// </summary>
public sealed class ResponseHeaders
{
    private readonly IHeaderDictionary _headers;
    private readonly KeyValuePair<string, StringValues>[] _kept;

    private ResponseHeaders(IHeaderDictionary headers)
    {
        _headers = headers;
        _kept = [.. headers];
    }

    public static ResponseHeaders Keep(HttpResponse response) => new(response.Headers);

    public void Restore()
    {
        if (_headers.Count == _kept.Length && _kept.All(h => _headers.TryGetValue(h.Key, out var value) && value == h.Value)) return;
        _headers.Clear();
        foreach (var (name, value) in _kept) _headers[name] = value;
    }
}

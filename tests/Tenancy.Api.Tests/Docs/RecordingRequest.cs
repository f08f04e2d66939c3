using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Tenancy.Api.Tests.Docs;

/// <summary>An <see cref="HttpContext"/> that records which query parameters and headers a handler reads.</summary>
public sealed class RecordingRequest
{
    public RecordingRequest(IServiceProvider services, IDictionary<string, StringValues> query)
    {
        Context = new DefaultHttpContext { RequestServices = services };
        var headers = new RecordingHeaders(ReadHeaders);
        Context.Features.Set<IHttpRequestFeature>(new HttpRequestFeature { Headers = headers, Body = Stream.Null, Method = "GET", Path = "/", QueryString = "" });
        Context.Features.Set<IQueryFeature>(new QueryFeature(new RecordingQuery(new QueryCollection(new Dictionary<string, StringValues>(query)), ReadQuery)));
        Context.Response.Body = new MemoryStream();
    }

    public HttpContext Context { get; }
    public HashSet<string> ReadQuery { get; } = new(StringComparer.Ordinal);
    public HashSet<string> ReadHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);

    private sealed class RecordingQuery(IQueryCollection inner, HashSet<string> read) : IQueryCollection
    {
        public StringValues this[string key] { get { read.Add(key); return inner[key]; } }
        public int Count => inner.Count;
        public ICollection<string> Keys => inner.Keys;
        public bool ContainsKey(string key) { read.Add(key); return inner.ContainsKey(key); }
        public bool TryGetValue(string key, out StringValues value) { read.Add(key); return inner.TryGetValue(key, out value); }
        public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => inner.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class RecordingHeaders(HashSet<string> read) : IHeaderDictionary
    {
        private readonly HeaderDictionary _inner = new();

        public StringValues this[string key] { get { read.Add(key); return _inner[key]; } set => _inner[key] = value; }
        public long? ContentLength { get => _inner.ContentLength; set => _inner.ContentLength = value; }
        public ICollection<string> Keys => _inner.Keys;
        public ICollection<StringValues> Values => _inner.Values;
        public int Count => _inner.Count;
        public bool IsReadOnly => false;
        public void Add(string key, StringValues value) => _inner.Add(key, value);
        public void Add(KeyValuePair<string, StringValues> item) => _inner.Add(item);
        public void Clear() => _inner.Clear();
        public bool Contains(KeyValuePair<string, StringValues> item) => _inner.Contains(item);
        public bool ContainsKey(string key) { read.Add(key); return _inner.ContainsKey(key); }
        public void CopyTo(KeyValuePair<string, StringValues>[] array, int arrayIndex) => _inner.CopyTo(array, arrayIndex);
        public bool Remove(string key) => _inner.Remove(key);
        public bool Remove(KeyValuePair<string, StringValues> item) => _inner.Remove(item);
        public bool TryGetValue(string key, [MaybeNullWhen(false)] out StringValues value) { read.Add(key); return _inner.TryGetValue(key, out value); }
        public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => _inner.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

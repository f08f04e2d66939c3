using System.Text;

namespace Tenancy.Core.Signatures;

/// <summary>
/// The signature base of RFC 9421 §2.5: one line per covered component, <c>"name": value</c>, then the
/// <c>@signature-params</c> line, the serialised covered-components list with its parameters. Derived components
/// (§2.2) come from the target URI; a header field's value is its lines trimmed and joined with ", " (§2.1).
/// Component parameters (sf, key, bs, req, tr, name) are refused: the profile has no use for them.
/// </summary>
public static class SignatureBase
{
    public static string Build(HttpMessageParts message, SfInnerList covered)
    {
        var text = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var component in covered.Items)
        {
            if (component.Value is not string name)
                throw new SignatureRefusedException("Each covered component is a quoted string.");
            if (component.Parameters.Count > 0)
                throw new SignatureRefusedException($"The covered component \"{name}\" has parameters; none are supported.");
            if (!seen.Add(name))
                throw new SignatureRefusedException($"The covered component \"{name}\" appears twice.");
            text.Append(StructuredFields.SerializeString(name)).Append(": ").Append(Value(message, name)).Append('\n');
        }
        text.Append("\"@signature-params\": ").Append(StructuredFields.Serialize(covered));
        return text.ToString();
    }

    private static string Value(HttpMessageParts message, string name)
    {
        if (!name.StartsWith('@'))
        {
            if (name != name.ToLowerInvariant())
                throw new SignatureRefusedException($"The covered field \"{name}\" must be lowercase.");
            var lines = message.Header(name)
                ?? throw new SignatureRefusedException($"The covered field \"{name}\" is not in the request.");
            return string.Join(", ", lines.Select(line => line.Trim(' ', '\t')));
        }
        var uri = TargetUri.Parse(message.TargetUri);
        return name switch
        {
            "@method" => message.Method,
            "@target-uri" => message.TargetUri,
            "@authority" => uri.Authority,
            "@scheme" => uri.Scheme,
            "@request-target" => uri.Path + uri.Query,
            "@path" => uri.Path,
            "@query" => uri.Query.Length == 0 ? "?" : uri.Query,
            "@status" => message.Status?.ToString("000", System.Globalization.CultureInfo.InvariantCulture)
                ?? throw new SignatureRefusedException("\"@status\" covers responses only."),
            _ => throw new SignatureRefusedException($"The derived component \"{name}\" is not supported."),
        };
    }

    /// <summary>An absolute http(s) URI split as sent, with the authority normalised as §2.2.3 says.</summary>
    private sealed record TargetUri(string Scheme, string Authority, string Path, string Query)
    {
        public static TargetUri Parse(string uri)
        {
            var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd <= 0) throw new SignatureRefusedException("The target URI is not absolute.");
            var scheme = uri[..schemeEnd].ToLowerInvariant();
            var rest = uri[(schemeEnd + 3)..];
            var authorityEnd = rest.IndexOfAny(['/', '?', '#']);
            var authority = (authorityEnd < 0 ? rest : rest[..authorityEnd]).ToLowerInvariant();
            var tail = authorityEnd < 0 ? "" : rest[authorityEnd..];
            var fragment = tail.IndexOf('#');
            if (fragment >= 0) tail = tail[..fragment];
            var queryStart = tail.IndexOf('?');
            var path = queryStart < 0 ? tail : tail[..queryStart];
            var query = queryStart < 0 ? "" : tail[queryStart..];
            if ((scheme == "https" && authority.EndsWith(":443", StringComparison.Ordinal)) || (scheme == "http" && authority.EndsWith(":80", StringComparison.Ordinal)))
                authority = authority[..authority.LastIndexOf(':')];
            return new TargetUri(scheme, authority, path.Length == 0 ? "/" : path, query);
        }
    }
}

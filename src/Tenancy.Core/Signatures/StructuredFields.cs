using System.Globalization;
using System.Text;

namespace Tenancy.Core.Signatures;

/// <summary>A bare item of a structured field (RFC 8941 §3.3): a long, a string, a <see cref="Token"/>, a byte[] or a bool.</summary>
public sealed record SfItem(object Value, IReadOnlyList<KeyValuePair<string, object>> Parameters)
{
    public object? Parameter(string name) => Parameters.LastOrDefault(p => p.Key == name).Value;
}

/// <summary>An inner list with its parameters (RFC 8941 §3.1.1).</summary>
public sealed record SfInnerList(IReadOnlyList<SfItem> Items, IReadOnlyList<KeyValuePair<string, object>> Parameters)
{
    public object? Parameter(string name) => Parameters.LastOrDefault(p => p.Key == name).Value;
}

/// <summary>A token (RFC 8941 §3.3.4), kept apart from strings because it serialises without quotes.</summary>
public sealed record Token(string Value);

public sealed class StructuredFieldException(string message) : FormatException(message);

/// <summary>
/// The part of Structured Field Values for HTTP (RFC 8941) that HTTP message signatures use: dictionaries whose
/// members are items or inner lists, parsed strictly (anything else is refused), and the canonical serialisation of
/// an inner list, which is the <c>@signature-params</c> line of a signature base. Decimals are not supported: no
/// signature field of ours carries one.
/// </summary>
public static class StructuredFields
{
    public static IReadOnlyList<KeyValuePair<string, object>> ParseDictionary(string input)
    {
        var reader = new Reader(input);
        var members = new List<KeyValuePair<string, object>>();
        reader.SkipSpaces();
        while (!reader.AtEnd)
        {
            var key = reader.Key();
            object member;
            if (reader.TryTake('='))
                member = reader.Peek == '(' ? reader.InnerList() : reader.ItemWithParameters();
            else
                member = new SfItem(true, reader.Parameters());
            members.RemoveAll(m => m.Key == key);
            members.Add(new(key, member));
            reader.SkipOptionalWhitespace();
            if (reader.AtEnd) break;
            if (!reader.TryTake(',')) throw new StructuredFieldException("Expected ',' between dictionary members.");
            reader.SkipOptionalWhitespace();
            if (reader.AtEnd) throw new StructuredFieldException("A dictionary may not end with ','.");
        }
        return members;
    }

    public static string Serialize(SfInnerList list)
    {
        var text = new StringBuilder("(");
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (i > 0) text.Append(' ');
            SerializeBare(text, list.Items[i].Value);
            SerializeParameters(text, list.Items[i].Parameters);
        }
        text.Append(')');
        SerializeParameters(text, list.Parameters);
        return text.ToString();
    }

    public static string SerializeString(string value)
    {
        var text = new StringBuilder();
        SerializeBare(text, value);
        return text.ToString();
    }

    private static void SerializeParameters(StringBuilder text, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        foreach (var (key, value) in parameters)
        {
            text.Append(';').Append(key);
            if (value is true) continue;
            text.Append('=');
            SerializeBare(text, value);
        }
    }

    private static void SerializeBare(StringBuilder text, object value)
    {
        switch (value)
        {
            case long number: text.Append(number.ToString(CultureInfo.InvariantCulture)); break;
            case string s:
                text.Append('"');
                foreach (var c in s)
                {
                    if (c is < ' ' or > '~') throw new StructuredFieldException("A string holds only printable ASCII.");
                    if (c is '"' or '\\') text.Append('\\');
                    text.Append(c);
                }
                text.Append('"');
                break;
            case Token token: text.Append(token.Value); break;
            case byte[] bytes: text.Append(':').Append(Convert.ToBase64String(bytes)).Append(':'); break;
            case bool flag: text.Append(flag ? "?1" : "?0"); break;
            default: throw new StructuredFieldException($"Cannot serialise a {value.GetType().Name}.");
        }
    }

    private sealed class Reader(string input)
    {
        private int _at;

        public bool AtEnd => _at >= input.Length;
        public char Peek => AtEnd ? '\0' : input[_at];

        public bool TryTake(char c)
        {
            if (Peek != c || AtEnd) return false;
            _at++;
            return true;
        }

        public void SkipSpaces()
        {
            while (!AtEnd && input[_at] == ' ') _at++;
        }

        public void SkipOptionalWhitespace()
        {
            while (!AtEnd && input[_at] is ' ' or '\t') _at++;
        }

        public string Key()
        {
            if (AtEnd || !(char.IsAsciiLetterLower(Peek) || Peek == '*')) throw new StructuredFieldException("A key starts with a lowercase letter or '*'.");
            var start = _at;
            while (!AtEnd && (char.IsAsciiLetterLower(Peek) || char.IsAsciiDigit(Peek) || Peek is '_' or '-' or '.' or '*')) _at++;
            return input[start.._at];
        }

        public SfInnerList InnerList()
        {
            TryTake('(');
            var items = new List<SfItem>();
            while (true)
            {
                SkipSpaces();
                if (TryTake(')')) return new SfInnerList(items, Parameters());
                items.Add(ItemWithParameters());
                if (Peek is not (' ' or ')')) throw new StructuredFieldException("Expected ' ' or ')' in an inner list.");
            }
        }

        public SfItem ItemWithParameters() => new(BareItem(), Parameters());

        public IReadOnlyList<KeyValuePair<string, object>> Parameters()
        {
            var parameters = new List<KeyValuePair<string, object>>();
            while (TryTake(';'))
            {
                SkipSpaces();
                var key = Key();
                var value = TryTake('=') ? BareItem() : true;
                parameters.RemoveAll(p => p.Key == key);
                parameters.Add(new(key, value));
            }
            return parameters;
        }

        private object BareItem()
        {
            var c = Peek;
            if (c == '-' || char.IsAsciiDigit(c)) return Integer();
            if (c == '"') return String();
            if (c == ':') return Bytes();
            if (c == '?') return Boolean();
            if (char.IsAsciiLetter(c) || c == '*') return TokenItem();
            throw new StructuredFieldException("Expected an item.");
        }

        private long Integer()
        {
            var start = _at;
            TryTake('-');
            var digits = _at;
            while (!AtEnd && char.IsAsciiDigit(Peek)) _at++;
            if (Peek == '.') throw new StructuredFieldException("Decimals are not accepted here.");
            if (_at == digits || _at - digits > 15) throw new StructuredFieldException("An integer has 1 to 15 digits.");
            return long.Parse(input[start.._at], CultureInfo.InvariantCulture);
        }

        private string String()
        {
            _at++;
            var text = new StringBuilder();
            while (!AtEnd)
            {
                var c = input[_at++];
                if (c == '"') return text.ToString();
                if (c == '\\')
                {
                    if (AtEnd || input[_at] is not ('"' or '\\')) throw new StructuredFieldException("A string escapes only '\"' and '\\'.");
                    c = input[_at++];
                }
                else if (c is < ' ' or > '~') throw new StructuredFieldException("A string holds only printable ASCII.");
                text.Append(c);
            }
            throw new StructuredFieldException("A string is not closed.");
        }

        private byte[] Bytes()
        {
            _at++;
            var end = input.IndexOf(':', _at);
            if (end < 0) throw new StructuredFieldException("A byte sequence is not closed.");
            var base64 = input[_at..end];
            _at = end + 1;
            if (base64.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
                throw new StructuredFieldException("A byte sequence is base64.");
            try
            {
                return Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                throw new StructuredFieldException("A byte sequence is base64.");
            }
        }

        private bool Boolean()
        {
            _at++;
            if (TryTake('1')) return true;
            if (TryTake('0')) return false;
            throw new StructuredFieldException("A boolean is ?0 or ?1.");
        }

        private Token TokenItem()
        {
            var start = _at;
            _at++;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || "!#$%&'*+-.^_`|~:/".Contains(Peek))) _at++;
            return new Token(input[start.._at]);
        }
    }
}

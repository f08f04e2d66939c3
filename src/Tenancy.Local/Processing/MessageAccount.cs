using System.Text;
using System.Text.Json;

namespace Tenancy.Local.Processing;

/// <summary>The <c>accountId</c> of a queue message, read without parsing the rest, to share the consumer fairly.</summary>
public static class MessageAccount
{
    /// <summary>The top-level <c>accountId</c> string, or "" when there is none (the handler then says what is wrong).</summary>
    public static string Of(string body)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body), new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return "";
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAccount = reader.ValueTextEquals("accountId"u8);
                reader.Read();
                if (isAccount) return reader.TokenType == JsonTokenType.String ? reader.GetString() ?? "" : "";
                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }
        return "";
    }
}

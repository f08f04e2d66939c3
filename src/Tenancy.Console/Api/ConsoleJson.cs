using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.WebConsole.Api;

/// <summary>The API's JSON conventions (camelCase); nulls are left out of requests so patches stay minimal.</summary>
public static class ConsoleJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

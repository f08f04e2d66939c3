using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.Http.Json;

/// <summary>The JSON settings of the API: camelCase, strict on input (unknown and repeated fields are errors).</summary>
public static class TenancyJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        // A key given twice could be read one way by the caller's tools and another way here (last wins).
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}

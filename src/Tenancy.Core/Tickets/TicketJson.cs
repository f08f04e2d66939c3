using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tenancy.Core.Tickets;

/// <summary>How the ticket message contracts are written: camelCase names, enums as their lower-case contract names.</summary>
internal static class TicketJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

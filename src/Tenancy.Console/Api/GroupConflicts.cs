using System.Text.Json;
using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Api;

/// <summary>Reads the <c>conflicts</c> of a <c>409 device-group-owned-elsewhere</c> answer.</summary>
public static class GroupConflicts
{
    public static IReadOnlyList<GroupConflictResponse> From(ApiProblem problem) =>
        problem.Body.ValueKind == JsonValueKind.Object && problem.Body.TryGetProperty("conflicts", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.Deserialize<List<GroupConflictResponse>>(ConsoleJson.Options) ?? []
            : [];
}

using System.Text.Json;
using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Api;

/// <summary>Reads the <c>conflicts</c> (and <c>access</c>) of a <c>409 device-group-owned-elsewhere</c> answer.</summary>
public static class GroupConflicts
{
    public static IReadOnlyList<GroupConflictResponse> From(ApiProblem problem) =>
        problem.Body.ValueKind == JsonValueKind.Object && problem.Body.TryGetProperty("conflicts", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.Deserialize<List<GroupConflictResponse>>(ConsoleJson.Options) ?? []
            : [];

    /// <summary>The <c>access</c> block of that answer: who the move would take access from and give it to (R10).</summary>
    public static AccessChangesResponse? Access(ApiProblem problem) =>
        problem.Body.ValueKind == JsonValueKind.Object && problem.Body.TryGetProperty("access", out var access) && access.ValueKind == JsonValueKind.Object
            ? access.Deserialize<AccessChangesResponse>(ConsoleJson.Options)
            : null;
}

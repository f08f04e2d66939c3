using System.Text.Json;

namespace Tenancy.Core.Signatures;

/// <summary>
/// Which HTTP requests are sensitive operations (<see cref="SensitiveOperation"/>): a method and route template under
/// <c>/api</c>, and for some routes a condition on the JSON body (a move is <c>confirmReassign: true</c>, a role change
/// is a <c>role</c>). A few are sensitive only in some states, which only the API knows (<see cref="Rule.ByState"/>: a
/// device move is when the destination group belongs to another tenant, a key revocation when the key is another
/// agent's): their handlers ask the gate once they know, and a signer signs them whenever it can.
/// The API's route table is checked against it by a test; the console asks it which requests to sign.
/// </summary>
public static class SensitiveRequests
{
    /// <summary>
    /// One sensitive route; <see cref="When"/>, if any, says which bodies make it sensitive; <see cref="ByState"/>, that
    /// the API decides from what it stores (a request without a signature then passes when the state does not need one).
    /// </summary>
    public sealed record Rule(string Method, string Template, SensitiveOperation Operation, Func<JsonElement, bool>? When = null, bool ByState = false);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new("DELETE", "tenants/{tenantId}", SensitiveOperation.DeleteTenant),
        new("POST", "tenants", SensitiveOperation.MoveDeviceGroup, body => IsTrue(body, "confirmReassign")),
        new("POST", "device-groups", SensitiveOperation.CreateDeviceGroup),
        new("DELETE", "device-groups/{groupId}", SensitiveOperation.DeleteDeviceGroup),
        new("POST", "tenants/{tenantId}/device-groups/assign", SensitiveOperation.MoveDeviceGroup,
            body => IsTrue(body, "confirmReassign") && !IsTrue(body, "preview")),
        new("POST", "tenants/{tenantId}/device-groups/unassign", SensitiveOperation.UnassignDeviceGroup),
        new("POST", "agents", SensitiveOperation.ChangeAgents),
        new("PATCH", "agents/{agentId}", SensitiveOperation.ChangeAgents, body => Member(body, "role") is { ValueKind: not JsonValueKind.Null }),
        new("DELETE", "agents/{agentId}", SensitiveOperation.ChangeAgents),
        new("POST", "agents/{agentId}/api-key", SensitiveOperation.RotateApiKey),
        new("POST", "agents/{agentId}/invitations", SensitiveOperation.ChangeAgents),
        new("DELETE", "agents/{agentId}/identity", SensitiveOperation.ChangeAgents),
        new("POST", "agent-groups", SensitiveOperation.ChangeAgentGroups),
        new("PATCH", "agent-groups/{agentGroupId}", SensitiveOperation.ChangeAgentGroups),
        new("PUT", "agent-groups/{agentGroupId}/members", SensitiveOperation.ChangeAgentGroups),
        new("DELETE", "agent-groups/{agentGroupId}", SensitiveOperation.ChangeAgentGroups),
        new("POST", "access-grants", SensitiveOperation.ChangeGrants),
        new("DELETE", "access-grants/{grantId}", SensitiveOperation.ChangeGrants),
        new("POST", "signing-keys/{keyId}/approve", SensitiveOperation.ApproveSigningKey),
        new("DELETE", "signing-keys/{keyId}", SensitiveOperation.RevokeSigningKey, ByState: true),
        new("POST", "tenant-imports/{importId}/undo", SensitiveOperation.UndoImport),
        new("PATCH", "devices/{deviceId}", SensitiveOperation.MoveDevice,
            body => Member(body, "groupId") is not null, ByState: true),
        new("POST", "personal-data/erasures", SensitiveOperation.ErasePersonalData),
    ];

    /// <summary>The operation a route always is, whatever its body; null for routes that are never or only sometimes sensitive.</summary>
    public static SensitiveOperation? ForRoute(string method, string template) =>
        Rules.FirstOrDefault(r => r.When is null && !r.ByState && r.Method == method.ToUpperInvariant() && r.Template == template)?.Operation;

    /// <summary>
    /// The operation a request is: <paramref name="path"/> is the URL's path (what follows the first <c>/api/</c> segment
    /// is matched, so a base path in front does not matter), <paramref name="body"/> its content (empty for none).
    /// </summary>
    public static SensitiveOperation? Find(string method, string path, ReadOnlySpan<byte> body) => FindRule(method, path, body)?.Operation;

    /// <summary>The rule a request meets, as <see cref="Find"/>: a signer reads <see cref="Rule.ByState"/> from it.</summary>
    public static Rule? FindRule(string method, string path, ReadOnlySpan<byte> body)
    {
        var segments = RouteSegments(path);
        if (segments is null) return null;
        JsonElement? json = null;
        foreach (var rule in Rules)
        {
            if (rule.Method != method.ToUpperInvariant() || !Matches(rule.Template, segments)) continue;
            if (rule.When is null) return rule;
            json ??= Parse(body);
            if (json is { ValueKind: JsonValueKind.Object } b && rule.When(b)) return rule;
        }
        return null;
    }

    private static string[]? RouteSegments(string path)
    {
        var query = path.IndexOfAny(['?', '#']);
        if (query >= 0) path = path[..query];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var api = Array.IndexOf(segments, "api");
        return api < 0 ? null : segments[(api + 1)..];
    }

    private static bool Matches(string template, string[] segments)
    {
        var parts = template.Split('/');
        if (parts.Length != segments.Length) return false;
        for (var i = 0; i < parts.Length; i++)
            if (!parts[i].StartsWith('{') && !string.Equals(parts[i], Uri.UnescapeDataString(segments[i]), StringComparison.OrdinalIgnoreCase)) return false;
        return true;
    }

    private static JsonElement? Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty) return null;
        try
        {
            var reader = new Utf8JsonReader(body);
            return JsonElement.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The API reads bodies with case-insensitive member names: so does the rule.
    private static JsonElement? Member(JsonElement body, string name)
    {
        JsonElement? found = null;
        foreach (var member in body.EnumerateObject())
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase)) found = member.Value;
        return found;
    }

    private static bool IsTrue(JsonElement body, string name) => Member(body, name) is { ValueKind: JsonValueKind.True };
}

using System.Text.Json;
using Tenancy.Core.Access;
using Tenancy.Core.Contacts;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Signatures;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Audit;

/// <summary>
/// The before and after values of an entry: JSON of what a user sees of the resource (no ETags, no storage details),
/// at most <see cref="MaxChars"/> characters. A larger value is replaced by a marker with its start
/// (<c>{"truncated":true,"chars":…,"preview":"…"}</c>), so that no input, however large, can make the write fail.
/// </summary>
public static class AuditSnapshots
{
    /// <summary>Characters per value: two values fit one 64 KiB string property of a table row.</summary>
    public const int MaxChars = 16_000;

    /// <summary>Characters of the original JSON kept in a cut value; escaped at worst six times, it stays under <see cref="MaxChars"/>.</summary>
    public const int PreviewChars = 2_000;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string? Json(object? value)
    {
        if (value is null) return null;
        var json = JsonSerializer.Serialize(Project(value), Options);
        return Bound(json);
    }

    public static string Bound(string json)
    {
        if (json.Length <= MaxChars) return json;
        var cut = PreviewChars;
        if (char.IsHighSurrogate(json[cut - 1])) cut--;
        return JsonSerializer.Serialize(new { truncated = true, chars = json.Length, preview = json[..cut] }, Options);
    }

    private static object Project(object value) => value switch
    {
        Tenant t => new TenantSnapshot(t.Id, t.Name, t.Notes, t.Contacts.Select(ContactOf).ToList(), t.Domains,
            t.Groups.Select(g => g.Id).ToList(), t.Origin.Kind, t.Origin.ImportId),
        Contact c => ContactOf(c),
        DeviceGroup g => new GroupSnapshot(g.Id, g.Name, g.TenantId),
        Device d => new DeviceSnapshot(d.Id, d.Name, d.GroupId),
        // Never the key hash: an entry says that a key changed, not what it is.
        Agent a => new AgentSnapshot(a.Id, a.Name, a.Email, AgentRoles.Name(a.Role)),
        AgentGroup g => new AgentGroupSnapshot(g.Id, g.Name, g.AgentIds),
        Grant g => new GrantSnapshot(g.Id, g.AgentId, g.AgentGroupId, Grant.ScopeName(g.Scope), g.TenantId, g.DeviceGroupId),
        // The public key's fingerprint names it; its coordinates are left out.
        SigningKey k => new SigningKeySnapshot(k.Id, k.AgentId, k.Name, k.Fingerprint, SigningKey.StatusName(k.Status), k.ApprovedBy),
        _ => value,
    };

    private static ContactSnapshot ContactOf(Contact c) => new(c.Id, c.Name, c.Role, c.Email, c.CountryCode, c.Phone, c.Notes, c.IsPrimary);

    private sealed record TenantSnapshot(string Id, string Name, string? Notes, IReadOnlyList<ContactSnapshot> Contacts,
        IReadOnlyList<string> Domains, IReadOnlyList<string> DeviceGroupIds, string Origin, string? ImportId);

    private sealed record ContactSnapshot(string Id, string Name, string? Role, string? Email, string? CountryCode, string? Phone,
        string? Notes, bool IsPrimary);

    private sealed record GroupSnapshot(string Id, string Name, string? TenantId);

    private sealed record DeviceSnapshot(string Id, string Name, string? GroupId);

    private sealed record AgentSnapshot(string Id, string Name, string Email, string Role);

    private sealed record AgentGroupSnapshot(string Id, string Name, IReadOnlyList<string> AgentIds);

    private sealed record GrantSnapshot(string Id, string? AgentId, string? AgentGroupId, string Scope, string? TenantId, string? DeviceGroupId);

    private sealed record SigningKeySnapshot(string Id, string AgentId, string Name, string Fingerprint, string Status, string? ApprovedBy);
}

namespace Tenancy.Core.Access;

public enum GrantScope { AllTenants, Tenant, DeviceGroup }

/// <summary>
/// A grant (R10): an agent or an agent group (exactly one) reaches every tenant, one tenant (and the groups it owns at the
/// moment of each request) or one device group (wherever it goes). <see cref="DeletedAt"/> keeps removed grants for
/// <c>at=</c> answers; a removed grant reaches nothing from that moment.
/// </summary>
public sealed record Grant(
    string Id, string? AgentId, string? AgentGroupId, GrantScope Scope, string? TenantId, string? DeviceGroupId,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? DeletedAt = null)
{
    public string SubjectId => AgentId ?? AgentGroupId!;

    /// <summary>What the grant names: a tenant or group id, or none for <see cref="GrantScope.AllTenants"/>.</summary>
    public string? TargetId => Scope switch
    {
        GrantScope.Tenant => TenantId,
        GrantScope.DeviceGroup => DeviceGroupId,
        _ => null,
    };

    public bool ValidAt(DateTimeOffset at) => CreatedAt <= at && (DeletedAt is null || DeletedAt > at);

    public static string ScopeName(GrantScope scope) => scope switch
    {
        GrantScope.AllTenants => "allTenants",
        GrantScope.Tenant => "tenant",
        _ => "deviceGroup",
    };

    public static GrantScope? ParseScope(string? text) => text switch
    {
        "allTenants" => GrantScope.AllTenants,
        "tenant" => GrantScope.Tenant,
        "deviceGroup" => GrantScope.DeviceGroup,
        _ => null,
    };
}

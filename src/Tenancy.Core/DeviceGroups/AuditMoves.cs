namespace Tenancy.Core.DeviceGroups;

/// <summary>Who a move of device groups concerns: each group, the tenants they leave and the tenant they join.</summary>
public static class AuditMoves
{
    public static IEnumerable<string?> Concerned(IEnumerable<DeviceGroup> moving, string? newTenantId) =>
        moving.SelectMany(g => new[] { g.Id, g.TenantId }).Append(newTenantId);
}

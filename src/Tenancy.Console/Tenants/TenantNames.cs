using Tenancy.WebConsole.Api;

namespace Tenancy.WebConsole.Tenants;

/// <summary>Tenant names by id, read once each: a group lists its tenant's id, people want its name.</summary>
public sealed class TenantNames(TenancyApi api)
{
    private readonly Dictionary<string, string> _names = [];

    public string? Known(string tenantId) => _names.GetValueOrDefault(tenantId);

    public void Remember(string tenantId, string name) => _names[tenantId] = name;

    public async Task<string> NameAsync(string tenantId)
    {
        if (_names.TryGetValue(tenantId, out var name)) return name;
        var tenant = await api.GetTenantAsync(tenantId);
        name = tenant.Ok ? tenant.Value!.Name : tenantId;
        _names[tenantId] = name;
        return name;
    }

    public async Task LoadAsync(IEnumerable<string?> tenantIds)
    {
        foreach (var id in tenantIds.OfType<string>().Distinct().Where(id => !_names.ContainsKey(id)).Take(50))
            await NameAsync(id);
    }
}

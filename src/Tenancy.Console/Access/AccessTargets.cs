using Tenancy.Http.Contracts;
using Tenancy.WebConsole.Api;

namespace Tenancy.WebConsole.Access;

/// <summary>
/// The tenants and device groups a grant can name, read once per page: the grant form offers them, and grants and
/// access entries show their names rather than ids.
/// </summary>
public sealed class AccessTargets(TenancyApi api)
{
    private const int Most = 2000;

    public IReadOnlyList<TenantListItem> Tenants { get; private set; } = [];

    public IReadOnlyList<DeviceGroupResponse> Groups { get; private set; } = [];

    public ApiProblem? Problem { get; private set; }

    public async Task LoadAsync()
    {
        var tenants = new List<TenantListItem>();
        string? token = null;
        do
        {
            var page = await api.ListTenantsAsync(null, token, 200);
            if (!page.Ok) { Problem = page.Problem; break; }
            tenants.AddRange(page.Value!.Items);
            token = page.Value.ContinuationToken;
        } while (token is not null && tenants.Count < Most);
        var groups = new List<DeviceGroupResponse>();
        token = null;
        do
        {
            var page = await api.ListGroupsAsync(null, false, token);
            if (!page.Ok) { Problem ??= page.Problem; break; }
            groups.AddRange(page.Value!.Items);
            token = page.Value.ContinuationToken;
        } while (token is not null && groups.Count < Most);
        Tenants = tenants.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        Groups = groups.OrderBy(g => g.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public string TenantName(string id) => Tenants.FirstOrDefault(t => t.Id == id)?.Name ?? id;

    public string GroupName(string id) => Groups.FirstOrDefault(g => g.Id == id)?.Name ?? id;
}

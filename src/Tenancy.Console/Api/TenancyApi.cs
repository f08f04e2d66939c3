using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Tenancy.WebConsole.Session;
using Tenancy.Http.Contracts;

namespace Tenancy.WebConsole.Api;

/// <summary>The console's typed calls to the HTTP API (API.md), with the signed-in key.</summary>
public sealed class TenancyApi(HttpClient http, ConsoleSession session)
{
    public const int PageSize = 50;

    // Tenants
    public Task<ApiResult<ListResponse<TenantListItem>>> ListTenantsAsync(string? search, string? continuationToken, int pageSize = PageSize) =>
        SendAsync<ListResponse<TenantListItem>>(HttpMethod.Get, "api/tenants" + Query(("search", search), ("pageSize", pageSize.ToString()), ("continuationToken", continuationToken)));

    public Task<ApiResult<TenantResponse>> GetTenantAsync(string tenantId) =>
        SendAsync<TenantResponse>(HttpMethod.Get, $"api/tenants/{Esc(tenantId)}");

    public Task<ApiResult<TenantResponse>> CreateTenantAsync(CreateTenantBody body) =>
        SendAsync<TenantResponse>(HttpMethod.Post, "api/tenants", body);

    /// <summary>Renames or re-notes a tenant; with the ETag of what the person saw, a concurrent change answers 412.</summary>
    /// <param name="editSession">The autosave's edit session: the saves of one session make one audit entry.</param>
    public Task<ApiResult<TenantResponse>> PatchTenantAsync(string tenantId, PatchTenantBody body, string? ifMatch, string? editSession = null) =>
        SendAsync<TenantResponse>(HttpMethod.Patch, $"api/tenants/{Esc(tenantId)}", body, ifMatch: ifMatch, editSession: editSession);

    public Task<ApiResult<object>> DeleteTenantAsync(string tenantId) =>
        SendAsync<object>(HttpMethod.Delete, $"api/tenants/{Esc(tenantId)}");

    // Contacts
    public Task<ApiResult<ContactResponse>> AddContactAsync(string tenantId, ContactBody body) =>
        SendAsync<ContactResponse>(HttpMethod.Post, $"api/tenants/{Esc(tenantId)}/contacts", body);

    public Task<ApiResult<ContactResponse>> PatchContactAsync(string tenantId, string contactId, ContactBody body) =>
        SendAsync<ContactResponse>(HttpMethod.Patch, $"api/tenants/{Esc(tenantId)}/contacts/{Esc(contactId)}", body);

    public Task<ApiResult<object>> DeleteContactAsync(string tenantId, string contactId) =>
        SendAsync<object>(HttpMethod.Delete, $"api/tenants/{Esc(tenantId)}/contacts/{Esc(contactId)}");

    // Device groups and devices
    public Task<ApiResult<ListResponse<DeviceGroupResponse>>> ListGroupsAsync(string? tenantId, bool unassigned, string? continuationToken, int pageSize = 200) =>
        SendAsync<ListResponse<DeviceGroupResponse>>(HttpMethod.Get, "api/device-groups" + Query(("tenantId", tenantId),
            ("unassigned", unassigned ? "true" : null), ("pageSize", pageSize.ToString()), ("continuationToken", continuationToken)));

    public Task<ApiResult<DeviceGroupResponse>> CreateGroupAsync(string name, string? tenantId) =>
        SendAsync<DeviceGroupResponse>(HttpMethod.Post, "api/device-groups", new CreateDeviceGroupBody(name, tenantId));

    public Task<ApiResult<object>> DeleteGroupAsync(string groupId, bool withDevices) =>
        SendAsync<object>(HttpMethod.Delete, $"api/device-groups/{Esc(groupId)}?withDevices={(withDevices ? "true" : "false")}");

    public Task<ApiResult<TenantResponse>> AssignGroupsAsync(string tenantId, IReadOnlyList<string> groupIds, bool confirmReassign) =>
        SendAsync<TenantResponse>(HttpMethod.Post, $"api/tenants/{Esc(tenantId)}/device-groups/assign",
            new AssignGroupsBody(groupIds.ToList(), confirmReassign ? true : null));

    public Task<ApiResult<TenantResponse>> UnassignGroupsAsync(string tenantId, IReadOnlyList<string> groupIds) =>
        SendAsync<TenantResponse>(HttpMethod.Post, $"api/tenants/{Esc(tenantId)}/device-groups/unassign", new UnassignGroupsBody(groupIds.ToList()));

    public Task<ApiResult<ListResponse<DeviceResponse>>> ListDevicesAsync(string? groupId, string? tenantId, string? continuationToken, int pageSize = 200) =>
        SendAsync<ListResponse<DeviceResponse>>(HttpMethod.Get, "api/devices" + Query(("groupId", groupId), ("tenantId", tenantId),
            ("pageSize", pageSize.ToString()), ("continuationToken", continuationToken)));

    public Task<ApiResult<DeviceResponse>> CreateDeviceAsync(string name, string? groupId) =>
        SendAsync<DeviceResponse>(HttpMethod.Post, "api/devices", new CreateDeviceBody(name, groupId));

    public Task<ApiResult<DeviceResponse>> MoveDeviceAsync(string deviceId, string? groupId) =>
        SendAsync<DeviceResponse>(HttpMethod.Patch, $"api/devices/{Esc(deviceId)}", new MoveDeviceBody(groupId), keepNulls: true);

    // Domains and routing
    public Task<ApiResult<DomainResponse>> AddDomainAsync(string tenantId, string domain) =>
        SendAsync<DomainResponse>(HttpMethod.Post, $"api/tenants/{Esc(tenantId)}/domains", new DomainBody(domain));

    public Task<ApiResult<object>> RemoveDomainAsync(string tenantId, string domain) =>
        SendAsync<object>(HttpMethod.Delete, $"api/tenants/{Esc(tenantId)}/domains/{Esc(domain)}");

    public Task<ApiResult<RoutingMatchResponse>> MatchAsync(string from) =>
        SendAsync<RoutingMatchResponse>(HttpMethod.Get, "api/ticket-routing/match" + Query(("from", from)));

    // Imports
    public Task<ApiResult<ListResponse<ImportJobResponse>>> ListImportsAsync() =>
        SendAsync<ListResponse<ImportJobResponse>>(HttpMethod.Get, "api/tenant-imports?pageSize=50");

    public Task<ApiResult<ImportJobResponse>> GetImportAsync(string importId) =>
        SendAsync<ImportJobResponse>(HttpMethod.Get, $"api/tenant-imports/{Esc(importId)}");

    public Task<ApiResult<byte[]>> TemplateAsync(string lang) => BytesAsync($"api/tenant-imports/template?lang={Esc(lang)}");

    public Task<ApiResult<byte[]>> ErrorReportAsync(string importId) => BytesAsync($"api/tenant-imports/{Esc(importId)}/errors");

    /// <summary>Who the key is (<c>GET /api/me</c>); <c>404</c> where the access routes have not landed.</summary>
    public Task<ApiResult<CallerResponse>> MeAsync() => SendAsync<CallerResponse>(HttpMethod.Get, "api/me");

    /// <summary>
    /// Checks a key before it is kept: who it is by <c>GET /api/me</c>, or, where that route is not served yet,
    /// an account key if it may list tenants. A refusal (401, 403 without the MSP plan) is the problem to show.
    /// </summary>
    public async Task<ApiResult<CallerResponse>> IdentifyAsync(string key)
    {
        var me = await SendAsync<CallerResponse>(HttpMethod.Get, "api/me", key: key);
        if (me.Ok || me.Problem!.Status != 404) return me;
        var probe = await SendAsync<ListResponse<TenantListItem>>(HttpMethod.Get, "api/tenants?pageSize=1", key: key);
        return probe.Ok ? ApiResult<CallerResponse>.Success(CallerResponse.Account) : ApiResult<CallerResponse>.Failure(probe.Problem!);
    }

    public async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body = null, bool keepNulls = false, string? key = null, string? ifMatch = null,
        string? editSession = null)
    {
        using var request = new HttpRequestMessage(method, path);
        Authorize(request, key);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (editSession is not null) request.Headers.TryAddWithoutValidation("Edit-Session", editSession);
        if (body is not null)
            request.Content = keepNulls
                ? JsonContent.Create(body, body.GetType(), options: new(ConsoleJson.Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never })
                : JsonContent.Create(body, body.GetType(), options: ConsoleJson.Options);
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) return ApiResult<T>.Failure(await ProblemAsync(response, expireOn401: key is null));
            // The raw header: If-Match must send back exactly what was read (weak prefix included).
            var etag = response.Headers.TryGetValues("ETag", out var tags) ? tags.FirstOrDefault() : null;
            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                return ApiResult<T>.Success(default, etag);
            return ApiResult<T>.Success(await response.Content.ReadFromJsonAsync<T>(ConsoleJson.Options), etag);
        }
        catch (HttpRequestException e)
        {
            return ApiResult<T>.Failure(ApiProblem.Unreachable(e.Message));
        }
    }

    private async Task<ApiResult<byte[]>> BytesAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        Authorize(request);
        try
        {
            using var response = await http.SendAsync(request);
            if (!response.IsSuccessStatusCode) return ApiResult<byte[]>.Failure(await ProblemAsync(response));
            return ApiResult<byte[]>.Success(await response.Content.ReadAsByteArrayAsync());
        }
        catch (HttpRequestException e)
        {
            return ApiResult<byte[]>.Failure(ApiProblem.Unreachable(e.Message));
        }
    }

    private void Authorize(HttpRequestMessage request, string? key = null)
    {
        if ((key ?? session.Key) is { } k) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", k);
    }

    private async Task<ApiProblem> ProblemAsync(HttpResponseMessage response, bool expireOn401 = true)
    {
        var problem = ApiProblem.Parse((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        if (problem.Status == 401 && expireOn401) session.Expire();
        return problem;
    }

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static string Query(params (string Name, string? Value)[] args)
    {
        var parts = args.Where(a => !string.IsNullOrEmpty(a.Value)).Select(a => $"{a.Name}={Uri.EscapeDataString(a.Value!)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

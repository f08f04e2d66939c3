using System.Net.Http.Json;
using System.Text.Json;

namespace Tenancy.Console.Browser.Tests;

/// <summary>Plain API calls to arrange data and to check what the console did, as any other client would.</summary>
public static class ApiCalls
{
    public static async Task<JsonElement> PostAsync(this HttpClient api, string path, object body)
    {
        var response = await api.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient api, string path)
    {
        var response = await api.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> CreateTenantAsync(this HttpClient api, string name) =>
        (await api.PostAsync("api/tenants", new { name, contacts = new[] { new { name = "Fay Rivera" } } })).GetProperty("id").GetString()!;

    public static async Task<JsonElement> TenantNamedAsync(this HttpClient api, string name)
    {
        var list = await api.GetJsonAsync($"api/tenants?search={Uri.EscapeDataString(name)}");
        var id = list.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name).GetProperty("id").GetString();
        return await api.GetJsonAsync($"api/tenants/{id}");
    }
}

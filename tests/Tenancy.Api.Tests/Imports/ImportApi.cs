using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Tenancy.Api.Tests.Imports;

public static class ImportApi
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> TemplateAsync(this HttpClient client, string lang = "en")
    {
        var response = await client.GetAsync($"api/tenant-imports/template?lang={lang}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, byte[] file, bool validateOnly = false)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(Xlsx);
        return client.PostAsync($"api/tenant-imports?validateOnly={validateOnly.ToString().ToLowerInvariant()}", content);
    }

    /// <summary>Uploads a file and waits until its job has finished, then returns the job.</summary>
    public static async Task<JsonObject> ImportAsync(this HttpClient client, byte[] file)
    {
        var response = await client.UploadAsync(file);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await client.WaitForJobAsync(response.Headers.Location!.ToString().TrimStart('/'));
    }

    /// <summary>Polls a job until it has finished; <paramref name="bound"/> (default 60 s) only stops a test that would hang.</summary>
    public static async Task<JsonObject> WaitForJobAsync(this HttpClient client, string jobUrl, TimeSpan? bound = null)
    {
        for (var i = 0; i < (bound ?? TimeSpan.FromSeconds(60)).TotalMilliseconds / 100; i++)
        {
            var job = await (await client.GetAsync(jobUrl)).ReadObjectAsync();
            if ((string?)job["status"] is "completed" or "completedWithErrors" or "failed") return job;
            await Task.Delay(100);
        }
        throw new TimeoutException($"{jobUrl} did not finish");
    }

    public static async Task<List<JsonObject>> TenantsAsync(this HttpClient client)
    {
        var list = await (await client.GetAsync("api/tenants?pageSize=200")).ReadObjectAsync();
        var tenants = new List<JsonObject>();
        foreach (var item in list["items"]!.AsArray())
            tenants.Add(await (await client.GetAsync($"api/tenants/{item!["id"]}")).ReadObjectAsync());
        return tenants;
    }
}

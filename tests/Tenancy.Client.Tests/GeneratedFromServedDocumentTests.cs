using Tenancy.Http;
using Tenancy.Http.OpenApi;
using Tenancy.TestSupport;

namespace Tenancy.Client.Tests;

[Collection(LocalHostCollection.Name)]
public sealed class GeneratedFromServedDocumentTests(LocalHostFixture host)
{
    [Fact]
    public async Task The_client_was_generated_from_exactly_the_document_the_host_serves()
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var served = await http.GetStringAsync($"{ApiRoutes.Prefix}/{TenancyOpenApi.Route}");

        Assert.Equal(served, await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "openapi.json")));
    }
}

using Tenancy.Local;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Docs;

/// <summary>
/// docs/openapi.json is the served document as it stands, for readers of the repository who run nothing. It is
/// rewritten by tools/Tenancy.OpenApiExport (docs/api.md says how), and this test fails when the two part.
/// </summary>
[Collection(LocalHostCollection.Name)]
public class CommittedOpenApiTests(LocalHostFixture host)
{
    private const string Regenerate = "dotnet run --project tools/Tenancy.OpenApiExport -- docs/openapi.json";

    [Fact]
    public async Task The_committed_document_is_the_one_the_API_serves()
    {
        var served = await (await host.AnonymousClient().GetAsync("api/openapi.json")).Content.ReadAsStringAsync();
        var committed = await File.ReadAllTextAsync(RepositoryRoot.Combine("docs", "openapi.json"));

        Assert.True(Normalised(committed) == Normalised(served), $"docs/openapi.json is not the served document: run `{Regenerate}`.");
    }

    // A checkout may turn line ends into CR LF; the document is the same.
    private static string Normalised(string json) => json.Replace("\r\n", "\n").TrimEnd();
}

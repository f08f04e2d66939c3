using Tenancy.Core.Imports;

namespace Tenancy.Core.Tests.Imports;

public class ImportChunkTests
{
    [Fact]
    public void A_chunk_message_with_a_key_given_twice_is_refused()
    {
        const string body = """{"importId":"imp_1","accountId":"acc_1","accountId":"acc_2","chunk":0,"chunkCount":1,"tenants":[]}""";

        Assert.Null(ImportChunk.TryParse(body, out var reason));
        Assert.Contains("accountId", reason);
    }

    [Theory]
    [InlineData("acc_1/x", "imp_1")]
    [InlineData("acc_1", "imp#1")]
    public void A_chunk_message_with_ids_of_the_wrong_shape_is_refused(string accountId, string importId)
    {
        var body = $$"""{"importId":"{{importId}}","accountId":"{{accountId}}","chunk":0,"chunkCount":1,"tenants":[]}""";

        Assert.Null(ImportChunk.TryParse(body, out var reason));
        Assert.Contains("must be ids", reason);
    }
}

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
}

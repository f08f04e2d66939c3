using System.Text.Json;
using Tenancy.Core.Accounts;
using Tenancy.Core.Audit;

namespace Tenancy.Core.Tests.Audit;

public class AuditEntryTests
{
    [Theory]
    [InlineData("x")]
    [InlineData("\"")]      // escaped as \" : twice as long, then escaped again in the preview
    [InlineData("\u0001")] // escaped as \u0001 : six times as long
    [InlineData("😀")]      // a surrogate pair must not be cut in half
    public void A_value_too_large_is_cut_to_a_marker_that_stays_valid_json_within_the_bound(string c)
    {
        var json = AuditSnapshots.Json(new { notes = string.Concat(Enumerable.Repeat(c, 100_000)) })!;

        Assert.True(json.Length <= AuditSnapshots.MaxChars, $"{json.Length} characters");
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("truncated").GetBoolean());
        Assert.True(document.RootElement.GetProperty("chars").GetInt32() > AuditSnapshots.MaxChars);
        Assert.StartsWith("{\"notes\":", document.RootElement.GetProperty("preview").GetString());
    }

    [Fact]
    public void A_value_within_the_bound_is_kept_whole()
    {
        Assert.Equal("{\"notes\":\"short\"}", AuditSnapshots.Json(new { notes = "short" }));
    }

    [Fact]
    public void The_actor_is_the_caller_by_its_account_never_its_key_hash()
    {
        var account = new Account("acc_1", "Fabrikam MSP", Plan.Msp, DateTimeOffset.UnixEpoch);
        using (CallerScope.Enter(new Caller(account, "secret-hash")))
        {
            var entry = AuditEntry.Of(DateTimeOffset.UnixEpoch, AuditActions.TenantCreated, AuditTargets.Tenant, "tnt_1", null, null);
            Assert.Equal(new AuditActor("account", "acc_1", "Fabrikam MSP"), entry.Actor);
            Assert.DoesNotContain("secret-hash", entry.ToString());
        }
    }

    [Fact]
    public void Without_a_caller_the_actor_is_the_system_named_after_the_work_it_does()
    {
        Assert.Equal(("system", "imp_1"), (AuditActors.Current("imp_1").Kind, AuditActors.Current("imp_1").Id));
        Assert.Equal(("system", "system"), (AuditActors.Current().Kind, AuditActors.Current().Id));
    }
}

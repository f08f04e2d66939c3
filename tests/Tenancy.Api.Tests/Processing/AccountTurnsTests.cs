using Tenancy.Local.Processing;

namespace Tenancy.Api.Tests.Processing;

/// <summary>A burst of one account's messages does not keep another account's message waiting for a slot.</summary>
public class AccountTurnsTests
{
    private static List<string> StartAll(AccountTurns<string> turns)
    {
        var started = new List<string>();
        while (turns.TryStart(out _, out var item)) started.Add(item);
        return started;
    }

    [Fact]
    public void Another_accounts_message_starts_among_the_first_despite_a_burst()
    {
        var turns = new AccountTurns<string>(maxRunning: 8, maxRunningPerAccount: 4);
        for (var i = 0; i < 30; i++) turns.Add("accA", $"A{i}");
        turns.Add("accB", "B0");

        var started = StartAll(turns);

        Assert.Equal(["A0", "B0", "A1", "A2", "A3"], started);
    }

    [Fact]
    public void When_a_slot_frees_the_waiting_account_with_room_gets_it()
    {
        var turns = new AccountTurns<string>(maxRunning: 2, maxRunningPerAccount: 2);
        turns.Add("accA", "A0");
        turns.Add("accA", "A1");
        turns.Add("accA", "A2");
        Assert.Equal(["A0", "A1"], StartAll(turns));
        turns.Add("accB", "B0");

        turns.Finished("accA");

        Assert.Equal(["B0"], StartAll(turns));
    }

    [Theory]
    [InlineData("""{"accountId":"acc_1","ticketId":"t"}""", "acc_1")]
    [InlineData("""{"importId":"imp_1","tenants":[{"accountId":"x"}],"accountId":"acc_2"}""", "acc_2")]
    [InlineData("""{"accountId":42}""", "")]
    [InlineData("not json", "")]
    public void The_account_of_a_message_is_its_top_level_account_id(string body, string account) =>
        Assert.Equal(account, MessageAccount.Of(body));
}

using Tenancy.Core.Accounts;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Accounts;

/// <summary>Reads the caller's key row (<see cref="KeyRows"/>); no caller (a message handler), no check.</summary>
public sealed class TableCallerKeyCheck(TenancyTables tables) : ICallerKeyCheck
{
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken)
    {
        if (CallerScope.Current is not { } caller) return;
        var row = await tables.Tenancy.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>(caller.Account.Id, KeyRows.Key(caller.KeyHash), ["KeyHash"], cancellationToken);
        if (!row.HasValue) throw new KeyRevokedException(caller.KeyHash);
    }
}

using Tenancy.Core.Common;

namespace Tenancy.Core.Accounts;

public sealed record CreatedAccount(Account Account, string ApiKey);

public sealed class AccountService(IAccountStore store, TimeProvider clock)
{
    public async Task<CreatedAccount> CreateAsync(string name, Plan plan, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var cleanName = TextRules.Clean(name);
        if (cleanName is null) errors.Add("name", "An account name is required.");
        TextRules.MaxLength(errors, "name", cleanName, 128);
        errors.ThrowIfAny();

        var account = new Account(Ids.New("acc"), cleanName!, plan, clock.GetUtcNow());
        var apiKey = ApiKeys.New();
        await store.CreateAsync(account, ApiKeys.Hash(apiKey), cancellationToken);
        return new CreatedAccount(account, apiKey);
    }

    /// <summary>The account a presented key belongs to, or null when the key is unknown.</summary>
    public async Task<Account?> AuthenticateAsync(string? apiKey, CancellationToken cancellationToken) =>
        ApiKeys.LooksValid(apiKey)
            ? await store.FindByApiKeyHashAsync(ApiKeys.Hash(apiKey!), cancellationToken)
            : null;

    public static void RequireTenantsPlan(Account account)
    {
        if (!account.HasTenants)
            throw new PlanRequiredException(
                $"Account '{account.Name}' is on the {account.Plan} plan; tenants need the MSP plan.");
    }
}

namespace Tenancy.Core.Accounts;

public enum Plan { Standard, Msp }

/// <summary>An MSP account: the scope of every request and every stored row.</summary>
public sealed record Account(string Id, string Name, Plan Plan, DateTimeOffset CreatedAt)
{
    public bool HasTenants => Plan == Plan.Msp;
}

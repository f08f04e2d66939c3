namespace Tenancy.WebConsole.Api;

/// <summary>
/// The caller as <c>GET /api/me</c> describes it (API.md, R10): the account key, or an agent with its role.
/// </summary>
public sealed record CallerResponse(string Kind, string? AgentId, string? Name, string? Role, string? AccountId = null)
{
    public static readonly CallerResponse Account = new("account", null, null, null);

    public bool IsAccount => Kind == "account";

    /// <summary>Who this is, as a person: the account key of one account, or one agent of it.</summary>
    public string Person => IsAccount ? $"account:{AccountId}" : $"agent:{AccountId}:{AgentId}";
}

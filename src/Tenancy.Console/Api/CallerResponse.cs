namespace Tenancy.WebConsole.Api;

/// <summary>
/// The caller as <c>GET /api/me</c> describes it (API.md, R10): the account key, or an agent with its role.
/// </summary>
public sealed record CallerResponse(string Kind, string? AgentId, string? Name, string? Role)
{
    public static readonly CallerResponse Account = new("account", null, null, null);

    public bool IsAccount => Kind == "account";
}

namespace Tenancy.Core.Access;

/// <summary>The agent behind a request, as its rows stood during that request (its row and its reach rows).</summary>
public sealed record AgentPrincipal(string Id, string Name, AgentRole Role, Reach Reach)
{
    /// <summary>Same name, role and reach: whatever a request decides for one, it decides for the other.</summary>
    public bool SameAs(AgentPrincipal other) =>
        Id == other.Id && Name == other.Name && Role == other.Role && Reach.SameAs(other.Reach);
}

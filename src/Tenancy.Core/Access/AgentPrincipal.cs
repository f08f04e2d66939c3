namespace Tenancy.Core.Access;

/// <summary>The agent behind a request, as read at the start of that request (its row and its reach rows, one range query).</summary>
public sealed record AgentPrincipal(string Id, string Name, AgentRole Role, Reach Reach);

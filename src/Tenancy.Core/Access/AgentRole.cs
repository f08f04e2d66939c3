namespace Tenancy.Core.Access;

/// <summary>An agent's role (R10): an administrator can do what the account key does; a technician reads and moves devices within its grants.</summary>
public enum AgentRole { Administrator, Technician }

public static class AgentRoles
{
    public static string Name(AgentRole role) => role == AgentRole.Administrator ? "administrator" : "technician";

    public static AgentRole? Parse(string? text) => text switch
    {
        "administrator" => AgentRole.Administrator,
        "technician" => AgentRole.Technician,
        _ => null,
    };
}

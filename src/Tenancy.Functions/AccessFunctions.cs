using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>Agents and access routes (R10), one function per <see cref="ApiRoutes.All"/> entry, on the shared handlers.</summary>
public static class AccessFunctions
{
    [Function("GetMe")]
    public static Task<IResult> GetMe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Me)] HttpRequest req) =>
        AccessEndpoints.Me(req);

    [Function("CreateAgent")]
    public static Task<IResult> CreateAgent([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Agents)] HttpRequest req) =>
        AccessEndpoints.CreateAgent(req);

    [Function("ListAgents")]
    public static Task<IResult> ListAgents([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Agents)] HttpRequest req) =>
        AccessEndpoints.ListAgents(req);

    [Function("GetAgent")]
    public static Task<IResult> GetAgent([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Agent)] HttpRequest req, string agentId) =>
        AccessEndpoints.GetAgent(req, agentId);

    [Function("UpdateAgent")]
    public static Task<IResult> UpdateAgent([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ApiRoutes.Agent)] HttpRequest req, string agentId) =>
        AccessEndpoints.UpdateAgent(req, agentId);

    [Function("DeleteAgent")]
    public static Task<IResult> DeleteAgent([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Agent)] HttpRequest req, string agentId) =>
        AccessEndpoints.DeleteAgent(req, agentId);

    [Function("RotateAgentKey")]
    public static Task<IResult> RotateAgentKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.AgentKey)] HttpRequest req, string agentId) =>
        AccessEndpoints.RotateAgentKey(req, agentId);

    [Function("CreateInvitation")]
    public static Task<IResult> CreateInvitation([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.AgentInvitations)] HttpRequest req, string agentId) =>
        IdentityEndpoints.CreateInvitation(req, agentId);

    [Function("LinkIdentity")]
    public static Task<IResult> LinkIdentity([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.MyIdentity)] HttpRequest req) =>
        IdentityEndpoints.LinkIdentity(req);

    [Function("UnlinkIdentity")]
    public static Task<IResult> UnlinkIdentity([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.AgentIdentity)] HttpRequest req, string agentId) =>
        IdentityEndpoints.UnlinkIdentity(req, agentId);

    [Function("CreateAgentGroup")]
    public static Task<IResult> CreateAgentGroup([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.AgentGroups)] HttpRequest req) =>
        AccessEndpoints.CreateAgentGroup(req);

    [Function("ListAgentGroups")]
    public static Task<IResult> ListAgentGroups([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AgentGroups)] HttpRequest req) =>
        AccessEndpoints.ListAgentGroups(req);

    [Function("GetAgentGroup")]
    public static Task<IResult> GetAgentGroup([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AgentGroup)] HttpRequest req, string agentGroupId) =>
        AccessEndpoints.GetAgentGroup(req, agentGroupId);

    [Function("RenameAgentGroup")]
    public static Task<IResult> RenameAgentGroup([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ApiRoutes.AgentGroup)] HttpRequest req, string agentGroupId) =>
        AccessEndpoints.RenameAgentGroup(req, agentGroupId);

    [Function("SetAgentGroupMembers")]
    public static Task<IResult> SetAgentGroupMembers([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.AgentGroupMembers)] HttpRequest req, string agentGroupId) =>
        AccessEndpoints.SetAgentGroupMembers(req, agentGroupId);

    [Function("DeleteAgentGroup")]
    public static Task<IResult> DeleteAgentGroup([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.AgentGroup)] HttpRequest req, string agentGroupId) =>
        AccessEndpoints.DeleteAgentGroup(req, agentGroupId);

    [Function("CreateGrant")]
    public static Task<IResult> CreateGrant([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Grants)] HttpRequest req) =>
        AccessEndpoints.CreateGrant(req);

    [Function("ListGrants")]
    public static Task<IResult> ListGrants([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Grants)] HttpRequest req) =>
        AccessEndpoints.ListGrants(req);

    [Function("DeleteGrant")]
    public static Task<IResult> DeleteGrant([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Grant)] HttpRequest req, string grantId) =>
        AccessEndpoints.DeleteGrant(req, grantId);

    [Function("GetAgentAccess")]
    public static Task<IResult> GetAgentAccess([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AgentAccess)] HttpRequest req, string agentId) =>
        AccessEndpoints.AgentAccess(req, agentId);

    [Function("GetDeviceGroupAccess")]
    public static Task<IResult> GetDeviceGroupAccess([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DeviceGroupAccess)] HttpRequest req, string groupId) =>
        AccessEndpoints.DeviceGroupAccess(req, groupId);

    [Function("GetDeviceAccess")]
    public static Task<IResult> GetDeviceAccess([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.DeviceAccess)] HttpRequest req, string deviceId) =>
        AccessEndpoints.DeviceAccess(req, deviceId);
}

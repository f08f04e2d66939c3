using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>Signing-key routes (issue 17), one function per <see cref="ApiRoutes.All"/> entry, on the shared handlers.</summary>
public static class SigningKeyFunctions
{
    [Function("RegisterSigningKey")]
    public static Task<IResult> RegisterSigningKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.AgentSigningKeys)] HttpRequest req, string agentId) =>
        SigningKeyEndpoints.Register(req, agentId);

    [Function("ListSigningKeys")]
    public static Task<IResult> ListSigningKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AgentSigningKeys)] HttpRequest req, string agentId) =>
        SigningKeyEndpoints.List(req, agentId);

    [Function("ApproveSigningKey")]
    public static Task<IResult> ApproveSigningKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.SigningKeyApproval)] HttpRequest req, string keyId) =>
        SigningKeyEndpoints.Approve(req, keyId);

    [Function("RevokeSigningKey")]
    public static Task<IResult> RevokeSigningKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.SigningKey)] HttpRequest req, string keyId) =>
        SigningKeyEndpoints.Revoke(req, keyId);
}

using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Tenancy.Http;
using Tenancy.Http.Endpoints;

namespace Tenancy.Functions;

/// <summary>Find and erase a person everywhere (R15).</summary>
public static class PersonalDataFunctions
{
    [Function("FindPersonalData")]
    public static Task<IResult> FindPersonalData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PersonalData)] HttpRequest req) =>
        PersonalDataEndpoints.Find(req);

    [Function("ErasePersonalData")]
    public static Task<IResult> ErasePersonalData(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Erasures)] HttpRequest req) =>
        PersonalDataEndpoints.Erase(req);
}

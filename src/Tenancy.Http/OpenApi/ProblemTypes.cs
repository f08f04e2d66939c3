namespace Tenancy.Http.OpenApi;

/// <summary>What each problem status means on this API, for the document's descriptions and examples.</summary>
public static class ProblemTypes
{
    public static string ForStatus(int status) => status switch
    {
        400 => "validation",
        401 => "unauthorized",
        403 => "msp-plan-required",
        404 => "not-found",
        409 => "concurrent-change",
        412 => "stale-etag",
        413 => "payload-too-large",
        415 => "unsupported-media-type",
        429 => "rate-limited",
        503 => "storage-unavailable",
        _ => "internal-error",
    };

    public static string Title(int status) => status switch
    {
        401 => "Authentication is required.",
        403 => "The MSP plan is required.",
        404 => "Not found.",
        412 => "The resource has changed.",
        413 => "The request body is too large.",
        415 => "Unsupported media type.",
        429 => "Too many requests.",
        503 => "Storage is unavailable.",
        _ => "Something went wrong on our side.",
    };

    public static string ExampleDetail(int status) => status switch
    {
        401 => "Send your API key (the account's or an agent's) as 'Authorization: Bearer <key>'.",
        403 => "Tenant management needs the MSP plan.",
        404 => $"Tenant '{ApiExamples.TenantId}' was not found.",
        412 => "The tenant has changed since you read it (its ETag no longer matches If-Match). Read it again and retry.",
        413 => "A JSON body can be at most 256 KiB.",
        415 => "Send the body as application/json.",
        429 => "This API key, its account or this client address has sent more requests than its limit allows; try again in 1 s.",
        503 => "The data store did not answer; try again shortly.",
        _ => "An unexpected error occurred; quote trace id 0HN8R2K4M9Q1T:00000001 when you report it.",
    };

    public static string Describe(int status) => status switch
    {
        400 => "The request is not valid: errors lists the messages per field or query parameter. Nothing changed.",
        401 => "No API key or token, or one that is not valid (a token must come from a trusted issuer, for this API, unexpired, and its person be linked to an agent by an invitation): send 'Authorization: Bearer <key or token>'.",
        403 => "The account's plan does not include tenant management (urn:tenancy:problem:msp-plan-required), or the caller's role may not do this operation (urn:tenancy:problem:forbidden; the description names the roles allowed), or an agent's sensitive operation lacks a valid signature (urn:tenancy:problem:signature-required).",
        404 => "Not found (also for ids of other accounts).",
        409 => "Conflict: nothing changed.",
        412 => "If-Match does not match the current ETag: someone changed it since you read it. Read it again and retry. Nothing changed.",
        413 => "The body is too large.",
        415 => "The Content-Type is not one this operation reads.",
        429 => "Over a rate limit, checked per instance: per API key (100 requests a second, bursts of 600, by default); per account, all its keys and agents together (100 a second, bursts of 600); per account in flight (8 handled at once, up to 256 more wait in order, at most 10 s, then 429); per client address, requests with a missing or unknown key (20 a second, bursts of 100, checked before the key is looked up). Operators set them in TENANCY_RATELIMIT. Wait Retry-After seconds. Nothing changed.",
        503 => "The data store did not answer; try again shortly. Nothing is half-done.",
        500 => "An unexpected error on our side; quote traceId when you report it.",
        _ => "An error.",
    };
}

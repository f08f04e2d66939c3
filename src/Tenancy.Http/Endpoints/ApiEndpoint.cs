using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Identity;
using Tenancy.Http.Identity;
using Tenancy.Http.Logging;
using Tenancy.Http.Problems;
using Tenancy.Http.RateLimits;

namespace Tenancy.Http.Endpoints;

/// <summary>
/// Runs a handler for an authenticated account: checks the API key and the plan, and turns every failure
/// into a problem answer so that no caller error ever becomes a 500.
/// </summary>
public static class ApiEndpoint
{
    public static Task<IResult> RunAsync(HttpRequest request, Func<RequestContext, Task<IResult>> handler, bool needsTenantsPlan = true) =>
        RunAsync(request, [], handler, needsTenantsPlan);

    /// <summary>Runs a handler whose route carries values (<paramref name="route"/>), refusing malformed ones first.</summary>
    public static async Task<IResult> RunAsync(HttpRequest request, IReadOnlyList<RouteArg> route, Func<RequestContext, Task<IResult>> handler, bool needsTenantsPlan = true)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var logger = Logger(request);
        using var requestScope = LogScopes.BeginRequest(logger, request.HttpContext);
        IDisposable? accountScope = null; // kept to the end, so that an error's line names the account too
        SignIn? signIn = null;
        try
        {
            RouteArg.Check(request, route);
            var apiKey = BearerToken(request);
            if (!request.HttpContext.RequestServices.GetRequiredService<ApiRateLimiter>().TryAcquire(request, apiKey, out var retryAfter))
                return TooManyRequests(request, retryAfter);
            signIn = await AuthenticateAsync(request, apiKey, cancellationToken);
            if (signIn.Caller is not { } caller) return Unauthorized(request, signIn.Refusal);
            accountScope = LogScopes.BeginAccount(logger, caller.Account.Id);
            logger.LogDebug("Handling {Method} {Path}", request.Method, request.Path);
            var apiRoute = ApiRoutes.Find(request.Method, request.Path);
            var headers = ResponseHeaders.Keep(request.HttpContext.Response);
            // An agent's request runs with its row and reach as they stand now (AgentCallers): a deleted agent, a rotated
            // key or a removed grant counts from the very next request, on every instance. A read may start before that
            // is known; its answer waits for it, and a read started with an agent that changed is done again.
            try
            {
                return await request.HttpContext.RequestServices.GetRequiredService<AgentCallers>().RunAsync(caller, IsRead(request), async current =>
                {
                    headers.Restore();
                    using var scope = CallerScope.Enter(current);
                    if (needsTenantsPlan) AccountService.RequireTenantsPlan(current.Account);
                    // Fail closed: a request that matches no route of the table is refused to every agent.
                    if (apiRoute is not null)
                    {
                        AccessRule.Require(current, apiRoute.Operation);
                        if (apiRoute.Sensitive is { } sensitive) await SignatureGate.RequireAsync(request, current, sensitive, cancellationToken);
                    }
                    else if (current.IsAgent) throw new ForbiddenException("This operation is not allowed for agents.");
                    return await handler(new RequestContext(current, request, cancellationToken));
                }, cancellationToken);
            }
            catch
            {
                // A refusal carries no header of a read begun with an agent that proved changed, or left unfinished.
                headers.Restore();
                throw;
            }
        }
        catch (Exception ex) when (Failure(request, ex, signIn, logger, cancellationToken) is { } answer)
        {
            return answer;
        }
        finally
        {
            accountScope?.Dispose();
        }
    }

    /// <summary>
    /// Runs the one handler a person's token may call before their identity is linked to an agent (R14: presenting an
    /// invitation); a token whose identity is linked may call it too (the handler says it is linked already).
    /// </summary>
    public static async Task<IResult> RunForIdentityAsync(HttpRequest request, Func<PersonIdentity, CancellationToken, Task<IResult>> handler)
    {
        var cancellationToken = request.HttpContext.RequestAborted;
        var logger = Logger(request);
        using var requestScope = LogScopes.BeginRequest(logger, request.HttpContext);
        SignIn? signIn = null;
        try
        {
            var bearer = BearerToken(request);
            if (!request.HttpContext.RequestServices.GetRequiredService<ApiRateLimiter>().TryAcquire(request, bearer, out var retryAfter))
                return TooManyRequests(request, retryAfter);
            signIn = await AuthenticateAsync(request, bearer, cancellationToken);
            if (signIn.Identity is not { } identity)
                return Unauthorized(request, signIn.Caller is null ? signIn.Refusal : "Present an invitation with your work account's token, not an API key.");
            return await handler(identity, cancellationToken);
        }
        catch (Exception ex) when (Failure(request, ex, signIn, logger, cancellationToken) is { } answer)
        {
            return answer;
        }
    }

    private static Task<SignIn> AuthenticateAsync(HttpRequest request, string? bearer, CancellationToken cancellationToken) =>
        request.HttpContext.RequestServices.GetRequiredService<CallerAuthentication>()
            .AuthenticateAsync(bearer, request.Headers.Authorization.Count > 0, cancellationToken);

    private static IResult Unauthorized(HttpRequest request, string detail)
    {
        request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemResults.Unauthorized(detail);
    }

    /// <summary>The answer to a request that failed (a problem, never a bare 500); null for a cancellation that is not the caller's.</summary>
    private static IResult? Failure(HttpRequest request, Exception exception, SignIn? signIn, ILogger logger, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case KeyRevokedException ex:
                request.HttpContext.RequestServices.GetRequiredService<AccountService>().Forget(ex.KeyHash);
                // A person's token whose agent was deleted or unlinked: what they can do is ask for an invitation.
                return Unauthorized(request, signIn?.Identity is not null ? CallerAuthentication.Unlinked : ex.Message);
            case TenancyException ex:
                return ProblemResults.From(ex);
            case HttpProblemException ex:
                return ProblemResults.From(ex);
            case BadHttpRequestException ex:
                return ProblemResults.Problem(ex.StatusCode, "bad-request", "Bad request.", ex.Message);
            case ConcurrencyException ex:
                return ProblemResults.Problem(StatusCodes.Status409Conflict, "concurrent-change",
                    "Too many concurrent changes.", ex.Message + " Try again.");
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return Results.StatusCode(499);
            case OperationCanceledException:
                return null;
            case var ex when request.HttpContext.RequestServices.GetRequiredService<IStorageFaults>().IsUnavailable(ex):
                logger.LogError(ex, "Storage unavailable for {Method} {Path}", request.Method, request.Path);
                return ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "storage-unavailable",
                    "Storage is unavailable.", "The data store did not answer; try again shortly.");
            default:
                // A bug, not a caller error: logged with the trace id the caller sees, answered as a problem too.
                logger.LogError(exception, "Failed {Method} {Path}", request.Method, request.Path);
                return ProblemResults.Problem(StatusCodes.Status500InternalServerError, "internal-error",
                    "Something went wrong on our side.", $"An unexpected error occurred; quote trace id {request.HttpContext.TraceIdentifier} when you report it.");
        }
    }

    /// <summary>A read changes nothing a caller can see (at most it folds device counts, which shows no one anything).</summary>
    private static bool IsRead(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);

    private static IResult TooManyRequests(HttpRequest request, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ProblemResults.Problem(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests.",
            $"This API key has sent more requests than its limit allows; try again in {seconds} s.");
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    private static ILogger Logger(HttpRequest request) =>
        (request.HttpContext.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(LogScopes.Category)) ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}

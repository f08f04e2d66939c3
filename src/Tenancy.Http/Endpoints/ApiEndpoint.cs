using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Http.Logging;
using Tenancy.Http.Problems;
using Tenancy.Http.RateLimits;
using Tenancy.Core.Common.Messages;

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
        RequestLanguage.Remember(request);
        var logger = Logger(request);
        using var requestScope = LogScopes.BeginRequest(logger, request.HttpContext);
        IDisposable? accountScope = null; // kept to the end, so that an error's line names the account too
        try
        {
            RouteArg.Check(request, route);
            var apiKey = BearerToken(request);
            if (!request.HttpContext.RequestServices.GetRequiredService<ApiRateLimiter>().TryAcquire(request, apiKey, out var retryAfter))
                return TooManyRequests(request, retryAfter);
            var accounts = request.HttpContext.RequestServices.GetRequiredService<AccountService>();
            var caller = await accounts.AuthenticateAsync(apiKey, cancellationToken);
            if (caller is null)
            {
                request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                return ProblemResults.Unauthorized(request.Headers.Authorization.Count == 0
                    ? ApiMessages.KeyMissing.Text()
                    : ApiMessages.KeyNotValid.Text());
            }
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
                    else if (current.IsAgent) throw new ForbiddenException(ApiMessages.NotForAgents.Text());
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
        catch (KeyRevokedException ex)
        {
            request.HttpContext.RequestServices.GetRequiredService<AccountService>().Forget(ex.KeyHash);
            request.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return ProblemResults.Unauthorized(ex.Message);
        }
        catch (TenancyException ex)
        {
            return ProblemResults.From(ex);
        }
        catch (HttpProblemException ex)
        {
            return ProblemResults.From(ex);
        }
        catch (BadHttpRequestException ex)
        {
            return ProblemResults.Problem(ex.StatusCode, "bad-request", "Bad request.", ex.Message);
        }
        catch (ConcurrencyException ex)
        {
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "concurrent-change",
                "Too many concurrent changes.", ex.Message + " Try again.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Results.StatusCode(499);
        }
        catch (Exception ex) when (request.HttpContext.RequestServices.GetRequiredService<IStorageFaults>().IsUnavailable(ex))
        {
            logger.LogError(ex, "Storage unavailable for {Method} {Path}", request.Method, request.Path);
            return ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "storage-unavailable",
                "Storage is unavailable.", "The data store did not answer; try again shortly.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug, not a caller error: logged with the trace id the caller sees, answered as a problem too.
            logger.LogError(ex, "Failed {Method} {Path}", request.Method, request.Path);
            return ProblemResults.Problem(StatusCodes.Status500InternalServerError, "internal-error",
                "Something went wrong on our side.", $"An unexpected error occurred; quote trace id {request.HttpContext.TraceIdentifier} when you report it.");
        }
        finally
        {
            accountScope?.Dispose();
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

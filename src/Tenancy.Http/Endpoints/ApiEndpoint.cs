using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tenancy.Core.Access;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
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
                    ? "Send your account API key as 'Authorization: Bearer <key>'."
                    : "The API key is not valid.");
            }
            // An agent's request reads its agent row and reach (one range query): a deleted agent, a rotated key or a
            // removed grant counts from the very next request, on every instance.
            caller = await request.HttpContext.RequestServices.GetRequiredService<AccessService>().ResolveAsync(caller, cancellationToken);
            using var scope = CallerScope.Enter(caller);
            accountScope = LogScopes.BeginAccount(logger, caller.Account.Id);
            logger.LogDebug("Handling {Method} {Path}", request.Method, request.Path);
            if (needsTenantsPlan) AccountService.RequireTenantsPlan(caller.Account);
            // Fail closed: a request that matches no route of the table is refused to every agent.
            if (ApiRoutes.Find(request.Method, request.Path) is { } apiRoute)
            {
                AccessRule.Require(caller, apiRoute.Operation);
                if (apiRoute.Sensitive is { } sensitive) await SignatureGate.RequireAsync(request, caller, sensitive, cancellationToken);
            }
            else if (caller.IsAgent) throw new ForbiddenException("This operation is not allowed for agents.");
            return await handler(new RequestContext(caller, request, cancellationToken));
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

using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Tenancy.Http.Identity;

/// <summary>
/// Validates OpenID Connect access tokens against every issuer the deployment trusts (<see cref="IdentityOptions"/>):
/// the token's issuer picks the one that judges it; a token no trusted issuer owns is refused.
/// </summary>
public sealed class AccessTokens(IdentityOptions options, TimeProvider clock, ILogger<AccessTokens> logger)
{
    private readonly IReadOnlyList<TrustedIssuer> _issuers = options.Issuers
        .Where(i => !string.IsNullOrWhiteSpace(i.Authority))
        .Select(i => new TrustedIssuer(i, clock)).ToList();

    public bool Any => _issuers.Count > 0;

    /// <summary>Whether a bearer value has a JWT's shape (three parts); anything else is taken for an API key.</summary>
    public static bool LooksLikeToken(string? bearer) => bearer is { Length: < 16 * 1024 } && bearer.Count(c => c == '.') == 2;

    public async Task<TokenOutcome> ValidateAsync(string bearer, CancellationToken cancellationToken)
    {
        JsonWebToken token;
        try
        {
            token = new JsonWebToken(bearer);
        }
        catch (ArgumentException)
        {
            return TokenOutcome.Refused("the token is not a JWT.");
        }
        foreach (var issuer in _issuers.Where(i => i.MayOwn(token)))
        {
            try
            {
                if (await issuer.ValidateAsync(token, cancellationToken) is { } outcome) return outcome;
            }
            catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException)
            {
                // Its discovery document or keys could not be read: its tokens cannot be checked now, another's can.
                logger.LogWarning(ex, "Could not read the discovery document or keys of {Authority}", issuer.Authority);
            }
        }
        return TokenOutcome.Refused("the token's issuer is not trusted here.");
    }
}

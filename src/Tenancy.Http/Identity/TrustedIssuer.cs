using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Tenancy.Core.Identity;

namespace Tenancy.Http.Identity;

/// <summary>
/// One identity provider the deployment trusts (R14): its discovery document and signing keys (JWKS), kept by a
/// <see cref="ConfigurationManager{T}"/>, and the rules a token of it must meet: its issuer, the API's audience, a
/// lifetime that holds within <see cref="ClockSkew"/>, and a signature made with RS256 or ES256 by one of its keys.
/// A token whose key id the keys do not name makes the keys be read again, at most once per <see cref="KeyRefreshInterval"/>
/// (so that made-up key ids cannot make us flood the provider), and is checked against the keys read then.
/// </summary>
public sealed class TrustedIssuer
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan KeyRefreshInterval = TimeSpan.FromMinutes(1);
    public static readonly IReadOnlyList<string> Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];

    /// <summary>Microsoft Entra ID's multi-tenant issuers name the directory this way; a token's <c>tid</c> fills it in.</summary>
    private const string TenantPlaceholder = "{tenantid}";

    private readonly TrustedIssuerOptions _options;
    private readonly TimeProvider _clock;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly Lock _lock = new();
    private ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private DateTimeOffset? _lastKeyRefresh;

    public TrustedIssuer(TrustedIssuerOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _configuration = NewConfigurationManager();
    }

    public string Authority => _options.Authority!;

    /// <summary>
    /// Whether a token's issuer may be this provider's: same host as the authority. Only a cheap filter, so that a
    /// token does not make every trusted provider's document be read; the issuer itself is checked exactly.
    /// </summary>
    public bool MayOwn(JsonWebToken token) =>
        Uri.TryCreate(token.Issuer, UriKind.Absolute, out var issuer) && Uri.TryCreate(_options.Authority, UriKind.Absolute, out var authority)
        && string.Equals(issuer.Authority, authority.Authority, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The identity the token proves, or why it does not; null when the token's issuer is not this one (another trusted
    /// issuer may own it).
    /// </summary>
    public async Task<TokenOutcome?> ValidateAsync(JsonWebToken token, CancellationToken cancellationToken)
    {
        var configuration = await _configuration.GetConfigurationAsync(cancellationToken);
        if (!IssuerMatches(configuration.Issuer, token)) return null;
        // Refused a refresh, a request still takes keys another one has just read.
        if (token.Kid is { Length: > 0 } kid && !configuration.SigningKeys.Any(k => k.KeyId == kid))
            configuration = MayRefreshKeys() ? await RefreshedAsync(cancellationToken) : await _configuration.GetConfigurationAsync(cancellationToken);

        var result = await _handler.ValidateTokenAsync(token, Parameters(configuration));
        if (!result.IsValid) return TokenOutcome.Refused(Reason(result.Exception));
        var template = configuration.Issuer.Contains(TenantPlaceholder, StringComparison.OrdinalIgnoreCase);
        // Microsoft Entra ID: the object id is the person's, stable across applications; sub differs per application.
        var subject = template || IsEntra ? Claim(token, "oid") : Claim(token, "sub");
        return subject is null
            ? TokenOutcome.Refused(template || IsEntra ? "the token has no oid claim." : "the token has no sub claim.")
            : TokenOutcome.Proved(new PersonIdentity(token.Issuer, subject));
    }

    private bool IsEntra => Uri.TryCreate(_options.Authority, UriKind.Absolute, out var uri) && uri.Host.Equals("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);

    private TokenValidationParameters Parameters(OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuer = configuration.Issuer,
        IssuerValidator = configuration.Issuer.Contains(TenantPlaceholder, StringComparison.OrdinalIgnoreCase) ? ValidateDirectoryIssuer : null,
        ValidAudience = _options.Audience,
        ValidateAudience = true,
        ValidateIssuer = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = Algorithms,
        ClockSkew = ClockSkew,
    };

    /// <summary>A multi-tenant issuer is valid for the directory the token names (<c>tid</c>), and for that one only.</summary>
    private static string ValidateDirectoryIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters)
    {
        var tid = token is JsonWebToken jwt ? Claim(jwt, "tid") : null;
        var expected = tid is null ? null : parameters.ValidIssuer.Replace(TenantPlaceholder, tid, StringComparison.OrdinalIgnoreCase);
        if (expected is null || !string.Equals(issuer, expected, StringComparison.Ordinal))
            throw new SecurityTokenInvalidIssuerException("The token's issuer is not its directory's.");
        return issuer;
    }

    private static bool IssuerMatches(string configured, JsonWebToken token)
    {
        if (!configured.Contains(TenantPlaceholder, StringComparison.OrdinalIgnoreCase))
            return string.Equals(configured, token.Issuer, StringComparison.Ordinal);
        var at = configured.IndexOf(TenantPlaceholder, StringComparison.OrdinalIgnoreCase);
        var prefix = configured[..at];
        var suffix = configured[(at + TenantPlaceholder.Length)..];
        return token.Issuer.StartsWith(prefix, StringComparison.Ordinal) && token.Issuer.EndsWith(suffix, StringComparison.Ordinal);
    }

    private bool MayRefreshKeys()
    {
        var now = _clock.GetUtcNow();
        lock (_lock)
        {
            if (_lastKeyRefresh is { } last && now - last < KeyRefreshInterval) return false;
            _lastKeyRefresh = now;
            return true;
        }
    }

    private Task<OpenIdConnectConfiguration> RefreshedAsync(CancellationToken cancellationToken)
    {
        // A new manager reads the document and keys before it answers; the old one would answer with what it has
        // while it reads them in the background.
        var fresh = NewConfigurationManager();
        _configuration = fresh;
        return fresh.GetConfigurationAsync(cancellationToken);
    }

    private ConfigurationManager<OpenIdConnectConfiguration> NewConfigurationManager() => new(
        _options.Authority!.TrimEnd('/') + "/.well-known/openid-configuration",
        new OpenIdConnectConfigurationRetriever(),
        new HttpDocumentRetriever { RequireHttps = _options.RequireHttpsMetadata })
    {
        RefreshInterval = KeyRefreshInterval,
    };

    private static string? Claim(JsonWebToken token, string type) =>
        token.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static string Reason(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired.",
        SecurityTokenNotYetValidException => "the token is not valid yet.",
        SecurityTokenInvalidAudienceException => "the token is not for this API (audience).",
        SecurityTokenInvalidIssuerException => "the token's issuer is not trusted here.",
        SecurityTokenInvalidAlgorithmException => "the token's signature algorithm is not accepted (RS256 or ES256 only).",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with a key its issuer does not publish.",
        SecurityTokenInvalidSignatureException => "the token's signature is not valid.",
        SecurityTokenNoExpirationException => "the token has no expiry.",
        _ => "the token could not be validated.",
    };
}

/// <summary>What a token proved: an identity, or the reason it was refused.</summary>
public sealed record TokenOutcome(PersonIdentity? Identity, string? Refusal)
{
    public static TokenOutcome Proved(PersonIdentity identity) => new(identity, null);
    public static TokenOutcome Refused(string reason) => new(null, reason);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Tenancy.TestSupport;

/// <summary>
/// An OpenID Connect issuer of the tests' own, on a free loopback port (no network): it serves a discovery document and
/// its signing keys (JWKS), mints tokens, and rotates keys. With <see cref="DirectoryTemplate"/> it behaves as
/// Microsoft Entra ID's multi-tenant endpoint: its document's issuer names <c>{tenantid}</c>, each token its directory.
/// </summary>
public sealed class TestIssuer(bool directoryTemplate = false) : IAsyncLifetime
{
    public const string Audience = "tenancy-api";

    private WebApplication? _app;
    private readonly List<(string Kid, AsymmetricAlgorithm Key)> _published = [];
    private int _jwksReads;

    public bool DirectoryTemplate { get; } = directoryTemplate;

    /// <summary>What operators set as the authority (<c>TENANCY_IDENTITY__Issuers__{n}__Authority</c>).</summary>
    public string Authority { get; private set; } = "";

    /// <summary>How many times the keys were read: each read of the JWKS.</summary>
    public int JwksReads => Volatile.Read(ref _jwksReads);

    public string IssuerFor(string tenantId) => DirectoryTemplate ? $"{BaseUrl}/{tenantId}/v2.0" : Authority;

    private string BaseUrl { get; set; } = "";

    public async Task InitializeAsync()
    {
        _published.Add(NewRsaKey());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/{**path}", (HttpContext context, string path) =>
        {
            if (path.EndsWith(".well-known/openid-configuration", StringComparison.Ordinal))
                return Results.Json(new Dictionary<string, object>
                {
                    ["issuer"] = DirectoryTemplate ? $"{BaseUrl}/{{tenantid}}/v2.0" : Authority,
                    ["jwks_uri"] = $"{BaseUrl}/keys",
                    ["authorization_endpoint"] = $"{BaseUrl}/authorize",
                    ["token_endpoint"] = $"{BaseUrl}/token",
                    ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256" },
                });
            if (path == "keys")
            {
                Interlocked.Increment(ref _jwksReads);
                lock (_published) return Results.Text(Jwks(), "application/json");
            }
            return Results.NotFound();
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
        Authority = DirectoryTemplate ? $"{BaseUrl}/organizations/v2.0" : $"{BaseUrl}/issuer";
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>Publishes a new key and withdraws the others: tokens signed with the new key carry a key id the API has not seen.</summary>
    public (string Kid, AsymmetricAlgorithm Key) Rotate(bool ecdsa = false)
    {
        var key = ecdsa ? NewEcKey() : NewRsaKey();
        lock (_published)
        {
            _published.Clear();
            _published.Add(key);
        }
        return key;
    }

    /// <summary>A key this issuer never publishes.</summary>
    public static (string Kid, AsymmetricAlgorithm Key) UnpublishedKey() => NewRsaKey();

    /// <summary>A signed access token for <paramref name="subject"/>, valid for the API unless told otherwise.</summary>
    public string Mint(string subject, string? audience = Audience, TimeSpan? lifetime = null, DateTimeOffset? issuedAt = null,
        (string Kid, AsymmetricAlgorithm Key)? signingKey = null, string? issuer = null, IDictionary<string, object>? claims = null)
    {
        var (kid, key) = signingKey ?? Current;
        var now = issuedAt ?? DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>(claims ?? new Dictionary<string, object>()) { ["sub"] = subject };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(30))).UtcDateTime,
            Claims = payload,
            SigningCredentials = key is RSA rsa
                ? new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = kid }, SecurityAlgorithms.RsaSha256)
                : new SigningCredentials(new ECDsaSecurityKey((ECDsa)key) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A Microsoft Entra ID-like token: issued for directory <paramref name="tenantId"/>, the person's object id in <c>oid</c>.</summary>
    public string MintForDirectory(string tenantId, string objectId, string? issuerDirectory = null) =>
        Mint("pairwise-" + objectId, issuer: IssuerFor(issuerDirectory ?? tenantId),
            claims: new Dictionary<string, object> { ["tid"] = tenantId, ["oid"] = objectId });

    /// <summary>An unsigned token (<c>alg: none</c>) that claims everything a valid one does.</summary>
    public string MintUnsigned(string subject) =>
        Segment(new { alg = "none", typ = "JWT" }) + "." + Segment(Claims(subject)) + ".";

    /// <summary>A token signed with HS256 whose secret is the issuer's public key, as an attacker who read the JWKS would make it.</summary>
    public string MintHmacWithPublicKey(string subject)
    {
        var rsa = (RSA)Current.Key;
        var secret = Encoding.UTF8.GetBytes(rsa.ExportSubjectPublicKeyInfoPem());
        var unsigned = Segment(new { alg = "HS256", typ = "JWT", kid = Current.Kid }) + "." + Segment(Claims(subject));
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64UrlEncoder.Encode(signature);
    }

    private Dictionary<string, object> Claims(string subject)
    {
        var now = DateTimeOffset.UtcNow;
        return new() { ["iss"] = Authority, ["aud"] = Audience, ["sub"] = subject, ["iat"] = now.ToUnixTimeSeconds(), ["nbf"] = now.ToUnixTimeSeconds(), ["exp"] = now.AddMinutes(30).ToUnixTimeSeconds() };
    }

    private (string Kid, AsymmetricAlgorithm Key) Current
    {
        get { lock (_published) return _published[^1]; }
    }

    private string Jwks() => JsonSerializer.Serialize(new
    {
        keys = _published.Select(p => p.Key switch
        {
            RSA rsa => (object)new Dictionary<string, string>
            {
                ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = p.Kid,
                ["n"] = Base64UrlEncoder.Encode(rsa.ExportParameters(false).Modulus!), ["e"] = Base64UrlEncoder.Encode(rsa.ExportParameters(false).Exponent!),
            },
            ECDsa ec => new Dictionary<string, string>
            {
                ["kty"] = "EC", ["use"] = "sig", ["alg"] = "ES256", ["kid"] = p.Kid, ["crv"] = "P-256",
                ["x"] = Base64UrlEncoder.Encode(ec.ExportParameters(false).Q.X!), ["y"] = Base64UrlEncoder.Encode(ec.ExportParameters(false).Q.Y!),
            },
            _ => throw new InvalidOperationException(),
        }).ToList(),
    });

    private static string Segment(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));

    private static (string, AsymmetricAlgorithm) NewRsaKey() => ("rsa-" + Guid.NewGuid().ToString("N")[..12], RSA.Create(2048));

    private static (string, AsymmetricAlgorithm) NewEcKey() => ("ec-" + Guid.NewGuid().ToString("N")[..12], ECDsa.Create(ECCurve.NamedCurves.nistP256));
}

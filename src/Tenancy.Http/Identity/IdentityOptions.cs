namespace Tenancy.Http.Identity;

/// <summary>
/// The identity providers whose tokens the API accepts (R14), section <c>TENANCY_IDENTITY</c>:
/// <c>TENANCY_IDENTITY__Issuers__0__Authority</c>, <c>__Audience</c>, <c>__RequireHttpsMetadata</c>. None: API keys only.
/// </summary>
public sealed class IdentityOptions
{
    public const string Section = "TENANCY_IDENTITY";

    public List<TrustedIssuerOptions> Issuers { get; set; } = [];
}

public sealed class TrustedIssuerOptions
{
    /// <summary>The issuer's URL; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the API's tokens carry (for Microsoft Entra ID, the API application's client id or its Application ID URI).</summary>
    public string? Audience { get; set; }

    /// <summary>False only for a development provider or a test's, on loopback over plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}

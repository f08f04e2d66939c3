using System.Security.Claims;
using Azure.Data.Tables;
using Microsoft.AspNetCore;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tenancy.Http.Identity;
using Tenancy.Storage.Setup;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tenancy.Local.DevelopmentIdentity;

/// <summary>
/// The local host's own OpenID Connect provider (R14), so that sign-in with a work account can be used without one:
/// authorization code with PKCE for the console (a public client), access tokens as RS256-signed JWTs. The local host
/// trusts it as one more issuer. Never part of the Functions host.
/// </summary>
public static class DevelopmentIdentityProvider
{
    /// <summary><c>TENANCY_DEVIDENTITY__Enabled</c>: on when the local host is run; tests turn it on where they use it.</summary>
    public const string EnabledSetting = "TENANCY_DEVIDENTITY:Enabled";
    public const string ClientId = "tenancy-console";
    public const string Audience = "tenancy-api";
    public const string AuthorizePath = "/connect/authorize";
    public const string TokenPath = "/connect/token";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(EnabledSetting);

    /// <summary>The provider's services, and this host trusting its issuer (appended to any configured issuers).</summary>
    public static void Add(WebApplicationBuilder builder, int port)
    {
        var issuer = new Uri($"http://127.0.0.1:{port}/");
        var trusted = builder.Configuration.GetSection($"{IdentityOptions.Section}:Issuers").GetChildren().Count();
        builder.Configuration[$"{IdentityOptions.Section}:Issuers:{trusted}:Authority"] = issuer.ToString();
        builder.Configuration[$"{IdentityOptions.Section}:Issuers:{trusted}:Audience"] = Audience;
        // Plain HTTP on loopback only: the issuer above is never another machine.
        builder.Configuration[$"{IdentityOptions.Section}:Issuers:{trusted}:RequireHttpsMetadata"] = "false";

        var connectionString = builder.Configuration[$"{StorageOptions.Section}:ConnectionString"];
        builder.Services.AddSingleton(new DevelopmentUsers(new TableClient(connectionString, DevelopmentUsers.TableName)));
        builder.Services.AddOpenIddict().AddServer(server =>
        {
            server.SetIssuer(issuer);
            server.SetAuthorizationEndpointUris(AuthorizePath.TrimStart('/')).SetTokenEndpointUris(TokenPath.TrimStart('/'));
            server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email);
            // Keys live as long as the process: a restart signs people out, which a development provider may do.
            server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
            // The API reads access tokens as signed JWTs, as it reads any provider's.
            server.DisableAccessTokenEncryption();
            // No OpenIddict stores: the one client is checked below, codes and tokens are self-contained.
            server.EnableDegradedMode();
            server.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            server.AddEventHandler<OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                    context.Reject(Errors.InvalidClient, "The client is not known to this provider.");
                else if (!IsOwnPage(context.RedirectUri, issuer))
                    context.Reject(Errors.InvalidRequest, "The redirect_uri must be a page of this host.");
                return default;
            }));
            server.AddEventHandler<OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId)
                    context.Reject(Errors.InvalidClient, "The client is not known to this provider.");
                return default;
            }));
        });
    }

    public static void Map(WebApplication app)
    {
        app.MapMethods(AuthorizePath, [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, DevelopmentUsers users, CancellationToken cancellationToken)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle the request.");
        var french = http.Request.Headers.AcceptLanguage.ToString().StartsWith("fr", StringComparison.OrdinalIgnoreCase);
        if (!HttpMethods.IsPost(http.Request.Method))
            return Results.Content(LoginPage.Render(request, french, failed: false), "text/html; charset=utf-8");

        var user = await users.VerifyAsync((string?)request[LoginPage.Fields.Email], (string?)request[LoginPage.Fields.Password], cancellationToken);
        if (user is null)
            return Results.Content(LoginPage.Render(request, french, failed: true), "text/html; charset=utf-8", statusCode: StatusCodes.Status200OK);

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject).SetClaim(Claims.Name, user.Name).SetClaim(Claims.Email, user.Email);
        identity.SetScopes(request.GetScopes());
        identity.SetResources(Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static bool IsOwnPage(string? redirectUri, Uri issuer) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
        && Uri.Compare(uri, issuer, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}

using Tenancy.Core.Accounts;
using Tenancy.Core.Identity;

namespace Tenancy.Http.Identity;

/// <summary>Who a request's bearer credential proves: a caller (a key's, or a linked identity's agent), a person's identity alone, or why neither.</summary>
public sealed record SignIn(Caller? Caller, PersonIdentity? Identity, string Refusal);

/// <summary>
/// The authentication step both hosts run for every API request: an API key (R10), or an OpenID Connect token from a
/// trusted issuer whose identity is linked to an agent (R14). An identity linked to no agent is not a caller: it may
/// only present an invitation (<c>POST /api/me/identity</c>).
/// </summary>
public sealed class CallerAuthentication(AccountService accounts, AccessTokens tokens)
{
    public const string NoCredential = "Send your API key (the account's or an agent's) or your work account's token as 'Authorization: Bearer <key or token>'.";
    public const string BadKey = "The API key is not valid.";
    public const string Unlinked = "Your work account is not linked to an agent of any account: ask an administrator of your account for an invitation, then open its link.";

    public async Task<SignIn> AuthenticateAsync(string? bearer, bool hasAuthorization, CancellationToken cancellationToken)
    {
        if (!hasAuthorization || string.IsNullOrEmpty(bearer)) return new SignIn(null, null, NoCredential);
        if (tokens.Any && !ApiKeys.LooksValid(bearer) && AccessTokens.LooksLikeToken(bearer))
        {
            var outcome = await tokens.ValidateAsync(bearer, cancellationToken);
            if (outcome.Identity is not { } identity) return new SignIn(null, null, "The token is not valid: " + outcome.Refusal);
            var linked = await accounts.AuthenticateAsync(identity, cancellationToken);
            return new SignIn(linked, identity, linked is null ? Unlinked : "");
        }
        var caller = await accounts.AuthenticateAsync(bearer, cancellationToken);
        return new SignIn(caller, null, caller is null ? BadKey : "");
    }
}

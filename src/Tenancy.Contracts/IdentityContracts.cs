using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace Tenancy.Http.Contracts;

[Description("A one-time invitation for a person to sign in as an agent with their work account (R14); the code is shown only in this answer.")]
public sealed record InvitationResponse(
    [property: Description("The code the person presents once (POST /api/me/identity, or the console's /invite/{code} link).")] string Code,
    [property: Description("When the code stops working (7 days after it was made).")] DateTimeOffset ExpiresAt);

[Description("An invitation's code, presented with the person's OpenID Connect token.")]
public sealed record LinkIdentityBody(
    [property: Required, StringLength(200, MinimumLength = 1), Description("The invitation's code.")] string? Code);

using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Tenancy.Core.Domains;
using Tenancy.Core.Tenants;
using Tenancy.Core.Tickets;

namespace Tenancy.Http.Contracts;

[Description("The complete set of a tenant's domains.")]
public sealed record DomainsBody(
    [property: Required, MaxLength(TenantRules.MaxDomains), Description("Replaces the tenant's domains; [] removes them all.")] List<string?>? Domains);

[Description("A domain to add to a tenant.")]
public sealed record DomainBody(
    [property: Required, StringLength(DomainName.MaxLength, MinimumLength = 1), Description("A domain name, e.g. contoso.com; internationalised names are accepted and stored in ASCII form.")] string? Domain);

[Description("A tenant's domains.")]
public sealed record DomainsResponse(
    [property: Description("Lowercase; internationalised names in their ASCII (xn--) form.")] IReadOnlyList<string> Domains);

[Description("The domain added, as stored, and all the tenant's domains.")]
public sealed record DomainResponse(string Domain, IReadOnlyList<string> Domains);

/// <summary>What routing would do now for a sender (GET /api/ticket-routing/match).</summary>
[Description("What routing would do now for a sender.")]
public sealed record RoutingMatchResponse(string? TenantId, string? TenantName,
    [property: Description("The domain that matched, for exact and parent matches.")] string? MatchedDomain,
    TicketMatch Match,
    [property: Description("Why the ticket would stay unassigned, when match is none.")] string? Reason);

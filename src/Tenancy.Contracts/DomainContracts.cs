namespace Tenancy.Http.Contracts;

public sealed record DomainsBody(List<string?>? Domains);

public sealed record DomainBody(string? Domain);

public sealed record DomainsResponse(IReadOnlyList<string> Domains);

public sealed record DomainResponse(string Domain, IReadOnlyList<string> Domains);

/// <summary>What routing would do now for a sender (GET /api/ticket-routing/match).</summary>
public sealed record RoutingMatchResponse(string? TenantId, string? TenantName, string? MatchedDomain, string Match, string? Reason);

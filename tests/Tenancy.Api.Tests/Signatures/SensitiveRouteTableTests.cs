using Tenancy.Core.Signatures;
using Tenancy.Http;

namespace Tenancy.Api.Tests.Signatures;

/// <summary>
/// The route table and the shared list of sensitive requests (which the console uses to decide what to sign) say the
/// same thing: a route the API gates is one the console signs, and no other.
/// </summary>
public class SensitiveRouteTableTests
{
    // Routes whose handler asks the signature gate only for some bodies (a move, a role change).
    private static readonly HashSet<string> GatedByBody = ["CreateTenant", "AssignDeviceGroups", "UpdateAgent"];

    [Fact]
    public void Every_route_the_api_gates_is_sensitive_in_the_shared_list_with_the_same_operation()
    {
        foreach (var route in ApiRoutes.All)
            Assert.True(route.Sensitive == SensitiveRequests.ForRoute(route.Method, route.Template),
                $"{route.Name}: route table says {route.Sensitive?.ToString() ?? "not sensitive"}, shared list says {SensitiveRequests.ForRoute(route.Method, route.Template)?.ToString() ?? "not sensitive"}.");
    }

    [Fact]
    public void Every_rule_of_the_shared_list_names_a_route_and_body_rules_are_the_routes_gated_by_body()
    {
        foreach (var rule in SensitiveRequests.Rules)
        {
            var route = Assert.Single(ApiRoutes.All, r => r.Method == rule.Method && r.Template == rule.Template);
            Assert.Equal(GatedByBody.Contains(route.Name), rule.When is not null);
        }
    }
}

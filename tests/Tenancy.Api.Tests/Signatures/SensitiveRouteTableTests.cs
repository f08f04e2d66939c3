using Tenancy.Core.Signatures;
using Tenancy.Http;

namespace Tenancy.Api.Tests.Signatures;

/// <summary>
/// The shared list of sensitive requests (the route table's gate and the console's signing both read it) names only
/// routes of the table, and its body conditions are exactly the routes whose handlers gate by body.
/// </summary>
public class SensitiveRouteTableTests
{
    // Routes whose handler asks the signature gate only for some bodies (a move, a role change).
    private static readonly HashSet<string> GatedByBody = ["CreateTenant", "AssignDeviceGroups", "UpdateAgent", "MoveDevice"];

    // Routes whose handler asks the signature gate only in some states (the destination's tenant, the key's owner).
    private static readonly HashSet<string> GatedByState = ["MoveDevice", "RevokeSigningKey"];

    [Fact]
    public void Every_rule_of_the_shared_list_names_a_route_and_body_rules_are_the_routes_gated_by_body()
    {
        foreach (var rule in SensitiveRequests.Rules)
        {
            var route = Assert.Single(ApiRoutes.All, r => r.Method == rule.Method && r.Template == rule.Template);
            Assert.Equal(GatedByBody.Contains(route.Name), rule.When is not null);
            Assert.Equal(GatedByState.Contains(route.Name), rule.ByState);
            Assert.Equal(rule.When is null && !rule.ByState ? rule.Operation : null, route.Sensitive);
        }
    }
}

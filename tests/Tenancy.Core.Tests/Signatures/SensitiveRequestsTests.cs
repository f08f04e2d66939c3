using System.Text;
using Tenancy.Core.Signatures;

namespace Tenancy.Core.Tests.Signatures;

public class SensitiveRequestsTests
{
    private static SensitiveOperation? Find(string method, string path, string body = "") =>
        SensitiveRequests.Find(method, path, Encoding.UTF8.GetBytes(body));

    [Theory]
    [InlineData("POST", "http://h/api/device-groups", """{"name":"Lyon"}""", SensitiveOperation.CreateDeviceGroup)]
    [InlineData("DELETE", "https://app.example/base/api/tenants/ten_1", "", SensitiveOperation.DeleteTenant)]
    [InlineData("DELETE", "/api/device-groups/dg_1?withDevices=true", "", SensitiveOperation.DeleteDeviceGroup)]
    [InlineData("POST", "/api/signing-keys/sk_1/approve", "", SensitiveOperation.ApproveSigningKey)]
    [InlineData("POST", "/api/tenants/ten_1/device-groups/assign", """{"groupIds":["dg_1"],"confirmReassign":true}""", SensitiveOperation.MoveDeviceGroup)]
    [InlineData("POST", "/api/tenants", """{"name":"A","ConfirmReassign":true}""", SensitiveOperation.MoveDeviceGroup)]
    [InlineData("PATCH", "/api/agents/agt_1", """{"role":"technician"}""", SensitiveOperation.ChangeAgents)]
    [InlineData("POST", "/api/tenant-imports/imp_1/undo", "", SensitiveOperation.UndoImport)]
    [InlineData("PATCH", "/api/devices/dev_1", """{"groupId":"dg_2"}""", SensitiveOperation.MoveDevice)]
    [InlineData("PATCH", "/api/devices/dev_1", """{"groupId":null}""", SensitiveOperation.MoveDevice)]
    [InlineData("DELETE", "/api/signing-keys/sk_1", "", SensitiveOperation.RevokeSigningKey)]
    public void Sensitive_requests_are_found_with_their_operation(string method, string path, string body, SensitiveOperation expected) =>
        Assert.Equal(expected, Find(method, path, body));

    [Theory]
    [InlineData("GET", "/api/device-groups", "")]
    [InlineData("POST", "/api/devices", """{"name":"PC-1"}""")]
    [InlineData("PATCH", "/api/tenants/ten_1", """{"name":"B"}""")]
    [InlineData("POST", "/api/tenants/ten_1/device-groups/assign", """{"groupIds":["dg_1"]}""")]
    [InlineData("POST", "/api/tenants/ten_1/device-groups/assign", """{"groupIds":["dg_1"],"confirmReassign":true,"preview":true}""")]
    [InlineData("POST", "/api/tenants", """{"name":"A","confirmReassign":false}""")]
    [InlineData("PATCH", "/api/agents/agt_1", """{"name":"Ann"}""")]
    [InlineData("POST", "/api/agents/agt_1/signing-keys", """{"name":"Laptop"}""")]
    [InlineData("POST", "/device-groups", """{"name":"not under /api"}""")]
    public void Other_requests_are_not_sensitive(string method, string path, string body) =>
        Assert.Null(Find(method, path, body));

    [Theory]
    [InlineData("PATCH", "/api/devices/dev_1", """{"groupId":"dg_2"}""")]
    [InlineData("DELETE", "/api/signing-keys/sk_1", "")]
    public void Requests_sensitive_only_in_some_states_say_so_and_are_not_gated_by_route_alone(string method, string path, string body)
    {
        Assert.True(SensitiveRequests.FindRule(method, path, Encoding.UTF8.GetBytes(body))!.ByState);
        Assert.Null(SensitiveRequests.ForRoute(method, path.Replace("/api/", "").Replace("dev_1", "{deviceId}").Replace("sk_1", "{keyId}")));
    }
}

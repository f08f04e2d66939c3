using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Tenancy.TestSupport;

namespace Tenancy.Api.Tests.Accounts;

[Collection(LocalHostCollection.Name)]
public class AdminCommandTests(LocalHostFixture host)
{
    private async Task<(int ExitCode, string Stdout)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Tenancy.Local.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["TENANCY_STORAGE__ConnectionString"] = host.Azurite.ConnectionString;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout);
    }

    [Theory]
    [InlineData("msp", HttpStatusCode.OK)]
    [InlineData("standard", HttpStatusCode.Forbidden)]
    public async Task Accounts_create_prints_a_key_that_works_with_the_plan_it_names(string plan, HttpStatusCode expected)
    {
        var (exitCode, stdout) = await RunAsync("accounts", "create", "--name", "Admin made", "--plan", plan);

        Assert.Equal(0, exitCode);
        var created = JsonNode.Parse(stdout)!.AsObject();
        Assert.StartsWith("acc_", (string?)created["accountId"]);
        var client = host.AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)created["apiKey"]!);
        Assert.Equal(expected, (await client.GetAsync("api/tenants")).StatusCode);
    }

    [Theory]
    [InlineData("accounts", "create", "--plan", "msp")]
    [InlineData("accounts", "create", "--name", "X", "--plan", "gold")]
    [InlineData("accounts", "delete")]
    public async Task Bad_arguments_exit_2_and_print_nothing_on_stdout(params string[] args)
    {
        var (exitCode, stdout) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout.Trim());
    }
}

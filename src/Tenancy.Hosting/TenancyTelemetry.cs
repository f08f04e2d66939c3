using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Tenancy.Core.Common;

namespace Tenancy.Hosting;

/// <summary>
/// OpenTelemetry for both hosts: traces of HTTP requests and of storage calls (the Azure SDK's HTTP requests), and
/// metrics from <see cref="TenancyMetrics"/> with ASP.NET's and HttpClient's own. Each host adds its exporter: Azure
/// Monitor in the Functions app, the console on the local host when asked (section <c>TENANCY_TELEMETRY</c>).
/// </summary>
public static class TenancyTelemetry
{
    public const string Section = "TENANCY_TELEMETRY";
    public const string ServiceName = "tenancy";

    public static OpenTelemetryBuilder AddTenancyTelemetry(this IServiceCollection services) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = KeepStorageResourceOnly))
            .WithMetrics(metrics => metrics
                .AddMeter(TenancyMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

    // A storage URL's path holds partition and row keys (an account id, a contact's address key) and blob names (a
    // file's name): a span keeps the table, queue or container name alone. Azurite puts the account name first.
    private static void KeepStorageResourceOnly(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is not { } uri) return;
        var keep = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.IsLoopback ? 2 : 1;
        var path = "/" + string.Join('/', uri.AbsolutePath.Split('(', '?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Take(keep));
        activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{path}");
        activity.SetTag("url.path", path);
    }
}

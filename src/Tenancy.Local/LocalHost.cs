using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using Tenancy.Http;
using Tenancy.Hosting;
using Tenancy.Http.Endpoints;
using Tenancy.Http.OpenApi;
using Tenancy.Http.Security;
using Tenancy.Local.Azurite;
using Tenancy.Local.DevelopmentIdentity;
using Tenancy.Local.Processing;
using Tenancy.Storage.Queues;
using Tenancy.Storage.Imports;
using Tenancy.Storage.Setup;

namespace Tenancy.Local;

/// <summary>The local host: the same API and background processing as the Functions app, on Azurite.</summary>
public static class LocalHost
{
    public const int DefaultPort = 7071;

    /// <summary>Builds the web app for the given storage connection string, listening on loopback.</summary>
    public static WebApplication Build(string storageConnectionString, int port, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(LocalHost).Assembly.GetName().Name });
        builder.UseConsoleAssets();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        // Each request and static file otherwise logs several information lines that bury the host's own messages.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Configuration[$"{StorageOptions.Section}:ConnectionString"] = storageConnectionString;
        builder.Services.AddTenancy(builder.Configuration);
        builder.Services.AddLocalProcessing(builder.Configuration);
        configure?.Invoke(builder);
        var developmentIdentity = DevelopmentIdentityProvider.IsEnabled(builder.Configuration);
        if (developmentIdentity) DevelopmentIdentityProvider.Add(builder, port);
        // Off by default: the console would otherwise print every span and metric.
        if (builder.Configuration.GetValue<bool>($"{TenancyTelemetry.Section}:Console"))
            builder.Services.AddTenancyTelemetry()
                .WithTracing(tracing => tracing.AddConsoleExporter())
                .WithMetrics(metrics => metrics.AddConsoleExporter());

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseAllowWithoutHead();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDotSegmentRefusal();
        // OpenIddict answers its endpoints from the authentication middleware; the API authenticates callers itself.
        if (developmentIdentity) app.UseAuthentication();
        var openApiPath = $"/{ApiRoutes.Prefix}/{TenancyOpenApi.Route}";
        app.MapAnonymousRoutes();
        app.MapScalarApiReference($"/{ApiRoutes.Prefix}/docs", o => o.WithOpenApiRoutePattern(openApiPath).WithTitle("Tenancy API"));
        app.MapTenancyApi();
        if (developmentIdentity) DevelopmentIdentityProvider.Map(app);
        app.MapConsole();
        return app;
    }

    public static async Task PrepareStorageAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.GetRequiredService<TableInitializer>().EnsureCreatedAsync().WaitAsync(cancellationToken);
        await app.Services.GetRequiredService<TenancyQueues>().CreateIfNotExistsAsync(cancellationToken);
        await app.Services.GetRequiredService<BlobImportFileStore>().Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    public static int Port() =>
        int.TryParse(Environment.GetEnvironmentVariable("TENANCY_PORT"), out var port) ? port : DefaultPort;

    /// <summary>The data folder of the local Azurite (git-ignored).</summary>
    public static string DataFolder() => RepositoryRoot.Combine(".azurite");
}

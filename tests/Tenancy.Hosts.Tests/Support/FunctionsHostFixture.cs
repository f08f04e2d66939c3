using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tenancy.Core.Common;
using Tenancy.Functions;
using Tenancy.Storage.Setup;
using Tenancy.TestSupport;

namespace Tenancy.Hosts.Tests.Support;

/// <summary>
/// The Functions worker's host, built with the app's own configuration (<see cref="FunctionsServices"/>, what
/// Program.cs runs) and service validation on, over the local host's Azurite; built, never started, so no gRPC
/// channel to a Functions host is opened. Sent messages are captured instead of reaching Service Bus.
/// </summary>
public sealed class FunctionsHostFixture : IAsyncLifetime
{
    public const string ServiceBusNamespace = "tenancy-tests.servicebus.windows.net";

    public LocalHostFixture Local { get; } = new();

    public IHost Host { get; private set; } = null!;

    public IServiceProvider Services => Host.Services;

    public CapturingSender Sent { get; } = new();

    public async Task InitializeAsync()
    {
        await Local.InitializeAsync();
        Host = Build(Local.Azurite.ConnectionString, services =>
            services.Replace(ServiceDescriptor.Singleton<IMessageSender>(Sent)));
    }

    public async Task DisposeAsync()
    {
        Host?.Dispose();
        await Local.DisposeAsync();
    }

    public static IHost Build(string storageConnectionString, Action<IServiceCollection>? overrides = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration[$"{StorageOptions.Section}:ConnectionString"] = storageConnectionString;
        builder.Configuration[$"{ServiceBusMessageSender.ConnectionName}:fullyQualifiedNamespace"] = ServiceBusNamespace;
        builder.Logging.ClearProviders();
        builder.ConfigureTenancyFunctions();
        overrides?.Invoke(builder.Services);
        builder.ConfigureContainer(new DefaultServiceProviderFactory(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
        return builder.Build();
    }
}

[CollectionDefinition(Name)]
public sealed class FunctionsHostCollection : ICollectionFixture<FunctionsHostFixture>
{
    public const string Name = "Functions host";
}

using Tenancy.Storage.Tables;
using Microsoft.Extensions.Hosting;

namespace Tenancy.Storage.Setup;

/// <summary>
/// Creates the service's tables once per process (Bicep creates the containers and queues in Azure): when a host
/// starts, or earlier when the local host needs them before starting; the second call reuses the first.
/// </summary>
public sealed class TableInitializer(TenancyTables tables) : IHostedService
{
    private readonly Lazy<Task> _created = new(() => tables.CreateIfNotExistsAsync(CancellationToken.None));

    public Task EnsureCreatedAsync() => _created.Value;

    public Task StartAsync(CancellationToken cancellationToken) => EnsureCreatedAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

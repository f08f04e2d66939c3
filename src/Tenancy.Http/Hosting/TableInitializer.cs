using Microsoft.Extensions.Hosting;
using Tenancy.Storage.Tables;

namespace Tenancy.Http.Hosting;

/// <summary>Creates the service's tables when a host starts (Bicep creates the containers and queues in Azure).</summary>
public sealed class TableInitializer(TenancyTables tables) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => tables.CreateIfNotExistsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

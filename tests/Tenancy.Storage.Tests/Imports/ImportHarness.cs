using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;
using Tenancy.Excel;
using Tenancy.Hosting;
using Tenancy.Storage.Imports;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Imports;

/// <summary>The import's services on Azurite with chunk messages captured, so a test delivers them itself, one by one.</summary>
public sealed class ImportHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ImportHarness(ServiceProvider services, string accountId)
    {
        _services = services;
        AccountId = accountId;
    }

    public string AccountId { get; }
    public IServiceProvider Services => _services;
    public ImportProcessor Processor => _services.GetRequiredService<ImportProcessor>();
    public ImportService Imports => _services.GetRequiredService<ImportService>();
    public IImportJobStore Jobs => _services.GetRequiredService<IImportJobStore>();
    public TenantService Tenants => _services.GetRequiredService<TenantService>();
    public CapturingSender Sender => _services.GetRequiredService<CapturingSender>();

    public static async Task<ImportHarness> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null) =>
        await StartAsync(azurite, settings, clock, accountId: null, tableFault: null);

    /// <summary>Another instance on the same account whose table transactions fail after <paramref name="allowedTransactions"/>: a crash midway.</summary>
    public async Task<ImportHarness> CrashingAfterAsync(AzuriteFixture azurite, int allowedTransactions, IReadOnlyDictionary<string, string?>? settings = null) =>
        await StartAsync(azurite, settings, null, AccountId, new FailingTransactionsPolicy(allowedTransactions));

    private static async Task<ImportHarness> StartAsync(AzuriteFixture azurite, IReadOnlyDictionary<string, string?>? settings, TimeProvider? clock,
        string? accountId, Azure.Core.Pipeline.HttpPipelinePolicy? tableFault)
    {
        var values = new Dictionary<string, string?> { ["TENANCY_STORAGE:ConnectionString"] = azurite.ConnectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var services = new ServiceCollection().AddTenancy(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddSingleton<CapturingSender>();
        services.AddSingleton<IMessageSender>(sp => sp.GetRequiredService<CapturingSender>());
        if (clock is not null) services.AddSingleton(clock);
        if (tableFault is not null)
        {
            var options = new Azure.Data.Tables.TableClientOptions();
            options.Retry.MaxRetries = 0;
            options.AddPolicy(tableFault, Azure.Core.HttpPipelinePosition.PerCall);
            services.AddSingleton(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString, options));
        }
        var provider = services.BuildServiceProvider();
        if (accountId is not null) return new ImportHarness(provider, accountId);
        await provider.GetRequiredService<BlobImportFileStore>().Container.CreateIfNotExistsAsync();
        var account = await provider.GetRequiredService<AccountService>().CreateAsync("Importer", Plan.Msp, CancellationToken.None);
        return new ImportHarness(provider, account.Account.Id);
    }

    public static byte[] Workbook(params string[][] rows) => Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.English), rows);

    public static byte[] FrenchWorkbook(params string[][] rows) => Spreadsheets.Fill(new TemplateWriter().Create(TemplateLanguage.French), rows);

    /// <summary>Drops a file as a user would under the account's folder; returns the blob's name.</summary>
    public async Task<string> DropAsync(byte[] file, string name = "drop.xlsx")
    {
        var blobName = $"{AccountId}/{Guid.NewGuid():N}-{name}";
        await _services.GetRequiredService<IImportFileStore>().UploadAsync(blobName, new MemoryStream(file), CancellationToken.None);
        return blobName;
    }

    /// <summary>Runs the file stage of a dropped file; its chunks wait in <see cref="Sender"/>.</summary>
    public async Task<string> ParseAsync(byte[] file, string name = "drop.xlsx")
    {
        var blob = await DropAsync(file, name);
        await Processor.HandleBlobAsync(blob, CancellationToken.None);
        return blob;
    }

    /// <summary>Delivers every message sent so far (and those they send in turn) once each.</summary>
    public async Task DeliverAllAsync()
    {
        while (Sender.Sent.TryDequeue(out var message))
            await DeliverAsync(message);
    }

    public Task<MessageOutcome> DeliverAsync((string Queue, string Body, string MessageId) message) =>
        Processor.HandleChunkAsync(message.Body, CancellationToken.None);

    public async Task<ImportJob> OnlyJobAsync() =>
        Assert.Single((await Jobs.ListAsync(AccountId, DateTimeOffset.MinValue, new PageRequest(200, null), CancellationToken.None)).Items);

    public async Task<IReadOnlyList<Tenant>> AllTenantsAsync()
    {
        var summaries = await PageRequest.ReadAllAsync(page => Tenants.ListAsync(AccountId, null, page, CancellationToken.None));
        return await Task.WhenAll(summaries.Select(s => Tenants.GetAsync(AccountId, s.Id, CancellationToken.None)));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>A clock a test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}

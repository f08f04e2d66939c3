using Tenancy.Benchmarks;

// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- tickets [count]
// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- imports [tenants ...]   (default: 1000 10000)
// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- undo [tenants]      (default: 1000)
// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- api [calls]
// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- hotgroup [registrations]
// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- console [runs]    (needs /usr/bin/chromium)
// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- export [tenants ...]    (default: 1000 10000)
// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- load [seconds] [clients]   (default: 60 32)
// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- access [calls]
// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- signatures [calls]   (default: 300)
// Options of api, load, tickets, imports and access (see StoreSetup):
//   --filled               measure on an empty store, then on one filled first (StoreFiller), and print both side by side
//   --storage-delay-ms=3   also measure with that delay added to every storage call
var what = args.FirstOrDefault() ?? "all";
if (what == "workbook")
{
    // The import benchmark's child process: writes a workbook so that its memory is not the service's.
    ImportBenchmark.WriteWorkbook(int.Parse(args[1]), args[2]);
    return 0;
}
var numbers = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToList();
var figures = new SideBySide();
foreach (var store in StoreSetup.FromOptions([.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal))]))
{
    Console.WriteLine($"=== store: {store.Name} ===");
    if (what is "tickets" or "all")
        await TicketRoutingBenchmark.RunAsync(numbers.FirstOrDefault(2000), store, figures);
    if (what is "api" or "all")
        await ApiLatencyBenchmark.RunAsync(numbers.FirstOrDefault(500), store, figures);
    if (what is "access" or "all")
        await AccessBenchmark.RunAsync(numbers.FirstOrDefault(300), store, figures);
    if (what is "load")
        await LoadBenchmark.RunAsync(numbers.ElementAtOrDefault(0) is > 0 and var seconds ? seconds : 60, numbers.ElementAtOrDefault(1) is > 0 and var clients ? clients : 32, store, figures);
    if (what is "imports" or "all")
        await ImportBenchmark.RunAsync(numbers.Count > 0 ? numbers : [1000, 10_000], store, figures);
}
if (what is "hotgroup" or "all")
    await HotGroupBenchmark.RunAsync(numbers.FirstOrDefault(1000));
if (what is "console" or "all")
    await ConsoleLoadBenchmark.RunAsync(numbers.FirstOrDefault(5));
if (what is "export" or "all")
    await ExportBenchmark.RunAsync(numbers.Count > 0 ? numbers : [1000, 10_000]);
if (what is "undo" or "all")
    await UndoBenchmark.RunAsync(numbers.FirstOrDefault(1000));
if (what is "signatures")
    await SignatureBenchmark.RunAsync(numbers.FirstOrDefault(300));
figures.Print(Console.Out);
return 0;

using Tenancy.Benchmarks;

// dotnet run -c Release --project benchmarks/Tenancy.Benchmarks -- tickets [count]
//                                                                 imports [tenants...]
var what = args.FirstOrDefault() ?? "all";
if (what is "tickets" or "all")
    await TicketRoutingBenchmark.RunAsync(args.Length > 1 && what == "tickets" ? int.Parse(args[1]) : 2000);
return 0;

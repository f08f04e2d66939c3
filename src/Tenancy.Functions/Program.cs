using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Tenancy.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureTenancyFunctions();
builder.Build().Run();

using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Common;
using Tenancy.Hosting;

namespace Tenancy.Functions;

/// <summary>The Functions host's configuration, apart from <c>Program</c> so that tests build the same host.</summary>
public static class FunctionsServices
{
    public static FunctionsApplicationBuilder ConfigureTenancyFunctions(this FunctionsApplicationBuilder builder)
    {
        builder.ConfigureFunctionsWebApplication();
        // Traces, metrics and logs go to Application Insights through OpenTelemetry, authenticated with the app's
        // managed identity (AZURE_CLIENT_ID): the component accepts no key, and the settings hold none.
        var telemetry = builder.Services.AddTenancyTelemetry().UseFunctionsWorkerDefaults();
        if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
            telemetry.UseAzureMonitorExporter(options => options.Credential = new DefaultAzureCredential());

        // Storage comes from the TENANCY_STORAGE section, as on the local host.
        builder.Services.AddTenancy(builder.Configuration);

        // The section the Service Bus triggers read (fullyQualifiedNamespace, credential=managedidentity, clientId)
        // also builds the client that sends, so one set of identity-based settings serves both.
        builder.Services.AddAzureClients(clients =>
            clients.AddServiceBusClient(builder.Configuration.GetSection(ServiceBusMessageSender.ConnectionName)));
        builder.Services.AddSingleton<IMessageSender, ServiceBusMessageSender>();
        return builder;
    }
}

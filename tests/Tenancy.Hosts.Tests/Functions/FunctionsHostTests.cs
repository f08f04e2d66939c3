using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Common;
using Tenancy.Core.Imports;
using Tenancy.Core.Tickets;
using Tenancy.Functions;
using Tenancy.Hosts.Tests.Support;
using Tenancy.Http.OpenApi;

namespace Tenancy.Hosts.Tests.Functions;

/// <summary>The worker's host as Program.cs builds it: every service resolves, every function class can be made.</summary>
[Collection(FunctionsHostCollection.Name)]
public class FunctionsHostTests(FunctionsHostFixture functions)
{
    public static TheoryData<string> FunctionClasses => new(typeof(FunctionsServices).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FunctionAttribute>() is not null))
        .Select(t => t.Name));

    [Fact]
    public void The_host_builds_with_every_registration_validated()
    {
        // ValidateOnBuild (set by the fixture) throws from Build() when any registered service cannot be made.
        using var host = FunctionsHostFixture.Build(functions.Local.Azurite.ConnectionString);

        Assert.NotNull(host.Services.GetRequiredService<ImportProcessor>());
    }

    [Fact]
    public void Messages_go_to_service_bus_in_azure()
    {
        using var host = FunctionsHostFixture.Build(functions.Local.Azurite.ConnectionString);

        Assert.IsType<ServiceBusMessageSender>(host.Services.GetRequiredService<IMessageSender>());
    }

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void Every_function_class_can_be_made_by_the_host(string className)
    {
        var type = typeof(FunctionsServices).Assembly.GetTypes().Single(t => t.Name == className);

        // Static classes hold static functions; the worker makes instances of the others from the container.
        var instance = type.IsAbstract && type.IsSealed ? type : ActivatorUtilities.CreateInstance(functions.Services, type);

        Assert.NotNull(instance);
    }

    [Theory]
    [InlineData(typeof(TicketIntake))]
    [InlineData(typeof(ImportProcessor))]
    [InlineData(typeof(OpenApiDocumentSource))]
    public void Services_the_service_bus_and_openapi_functions_need_resolve(Type service)
    {
        Assert.NotNull(functions.Services.GetRequiredService(service));
    }
}

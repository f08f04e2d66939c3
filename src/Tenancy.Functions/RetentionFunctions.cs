using Microsoft.Azure.Functions.Worker;
using Tenancy.Core.PersonalData;

namespace Tenancy.Functions;

/// <summary>The retention sweep (R15), every hour: the same handler the local host runs on its timer.</summary>
public sealed class RetentionFunctions(RetentionSweep sweep)
{
    [Function("RetentionSweep")]
    public Task RetentionSweep([TimerTrigger("0 17 * * * *")] TimerInfo timer, FunctionContext context) =>
        sweep.RunAsync(context.CancellationToken);
}

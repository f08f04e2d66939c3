using System.Diagnostics.Metrics;

namespace Tenancy.Core.Common;

/// <summary>
/// The app's own metrics, one meter (<see cref="MeterName"/>) that both hosts export: imports started, tenants created
/// by imports, tickets routed (by how they matched) and queue lag (from a message's enqueue to its handling).
/// Recorded where the work happens; tags are low-cardinality (no account or tenant ids).
/// </summary>
public sealed class TenancyMetrics
{
    public const string MeterName = "Tenancy";

    private readonly Counter<long> _importsCreated;
    private readonly Counter<long> _importedTenants;
    private readonly Counter<long> _ticketsRouted;
    private readonly Histogram<double> _queueLag;

    public TenancyMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _importsCreated = meter.CreateCounter<long>("tenancy.imports.created", "{import}", "Import jobs started by an upload");
        _importedTenants = meter.CreateCounter<long>("tenancy.imports.tenants_created", "{tenant}", "Tenants created by imports");
        _ticketsRouted = meter.CreateCounter<long>("tenancy.tickets.routed", "{ticket}", "Tickets routed, by how they matched (none: left unassigned)");
        _queueLag = meter.CreateHistogram<double>("tenancy.queue.lag", "s", "Time from a message's enqueue to the start of its handling");
    }

    public void ImportCreated() => _importsCreated.Add(1);

    public void TenantsImported(int count)
    {
        if (count > 0) _importedTenants.Add(count);
    }

    public void TicketRouted(string match) => _ticketsRouted.Add(1, new KeyValuePair<string, object?>("match", match));

    public void QueueLag(string queue, TimeSpan lag) =>
        _queueLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("queue", queue));
}

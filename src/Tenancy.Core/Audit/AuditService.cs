using Tenancy.Core.Common;

namespace Tenancy.Core.Audit;

/// <summary>Reads the audit log (R10). Nothing here or anywhere else edits or deletes an entry.</summary>
public sealed class AuditService(IAuditLog log)
{
    public Task<ResultPage<AuditEntry>> ListAsync(string accountId, AuditQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (query.From is { } from && query.To is { } to && from >= to) errors.Add("to", "Must be later than from.");
        if (query.TargetId is not null && !Ids.LooksValid(query.TargetId))
            errors.Add("targetId", "Must be an id: letters, digits, '_' or '-', 3 to 64 characters.");
        if (query.ActorId is not null && !Ids.LooksValid(query.ActorId))
            errors.Add("actorId", "Must be an id: letters, digits, '_' or '-', 3 to 64 characters.");
        errors.ThrowIfAny();
        return log.ListAsync(accountId, query, page, cancellationToken);
    }
}

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
            errors.Add("targetId", Common.Messages.ApiMessages.IdShape.Text());
        if (query.ActorId is not null && !Ids.LooksValid(query.ActorId))
            errors.Add("actorId", Common.Messages.ApiMessages.IdShape.Text());
        errors.ThrowIfAny();
        return log.ListAsync(accountId, query, page, cancellationToken);
    }
}

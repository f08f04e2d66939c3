using System.Text.Json;
using Tenancy.Core.Audit;
using Tenancy.Core.Contacts;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Common.Messages;
using Tenancy.Core.Imports;
using Tenancy.Core.Tenants;

namespace Tenancy.Http.Contracts;

/// <summary>
/// From the core's types to the contract records (and back for request bodies). The records live in
/// Tenancy.Contracts so the console can share them without the core; extension members keep the call
/// sites reading <c>TenantResponse.From(tenant, groups)</c>.
/// </summary>
public static class ContractMappings
{
    extension(DeviceGroupResponse)
    {
        public static DeviceGroupResponse From(DeviceGroup g) => new(g.Id, g.Name, g.TenantId, g.DeviceCount);
    }

    extension(DeviceResponse)
    {
        public static DeviceResponse From(Device d) => new(d.Id, d.Name, d.GroupId, d.TenantId);
    }

    extension(ImportJobResponse)
    {
        /// <summary>The job, its messages and column names said in <paramref name="language"/> (stored in English).</summary>
        public static ImportJobResponse From(ImportJob job, TemplateLanguage language = TemplateLanguage.English) => new(
            job.Id.Length == 0 ? null : job.Id, job.Status, job.Mode, job.FileName,
            job.RowCount, job.TenantCount, job.CreatedCount, job.UpdatedCount, job.UnchangedCount, job.FailedCount, job.Progress, job.ChunkCount, job.Chunks.Count,
            job.Status != ImportStatus.Failed || job.Failure is null ? null : new ImportFailureResponse(job.Failure.Code, MessageLanguage.In(language, job.Failure.Message)),
            job.ErrorCount, job.InlineErrors.Select(e => ImportIssueResponse.From(e, language)).ToList(),
            job.WarningCount, job.InlineWarnings.Select(e => ImportIssueResponse.From(e, language)).ToList(),
            job.CreatedAt, job.CompletedAt, job.UndoneAt,
            job.UndoStartedAt is null ? null : new ImportUndoResponse(
                job.UndoChunks.Sum(u => u.Removed), job.UndoChunks.Sum(u => u.Restored), job.UndoChunks.Sum(u => u.Kept.Count),
                job.UndoChunks.OrderBy(u => u.Chunk).SelectMany(u => u.Kept).Take(ImportEchoes.Inline)
                    .Select(k => new ImportUndoKeptResponse(k.TenantId, k.TenantName, k.Reason)).ToList()));
    }

    extension(ImportIssueResponse)
    {
        public static ImportIssueResponse From(ImportIssue e, TemplateLanguage language = TemplateLanguage.English) =>
            new(e.Row, MessageLanguage.Column(language, e.Column), MessageLanguage.In(language, e.Message));
    }

    extension(AuditEntryResponse)
    {
        public static AuditEntryResponse From(AuditEntry e) => new(e.Id, e.At, new AuditActorResponse(e.Actor.Kind, e.Actor.Id, e.Actor.Name),
            e.Action, e.TargetType, e.TargetId, Snapshot(e.Before), Snapshot(e.After));
    }

    private static JsonElement? Snapshot(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();

    extension(ContactResponse)
    {
        public static ContactResponse From(Contact c) => new(c.Id, c.Name, c.Role, c.Email, c.CountryCode, c.Phone, c.Notes, c.IsPrimary);
    }

    extension(TenantResponse)
    {
        public static TenantResponse From(Tenant t, IReadOnlyList<DeviceGroupRef> groups) => new(
            t.Id, t.Name, t.Notes, t.Contacts.Select(ContactResponse.From).ToList(), groups, t.Domains,
            new OriginResponse(t.Origin.Kind, t.Origin.ImportId), t.CreatedAt, t.UpdatedAt);
    }

    extension(TenantListItem)
    {
        public static TenantListItem From(TenantSummary s) =>
            new(s.Id, s.Name, s.ContactCount, s.DeviceGroupCount, s.DomainCount, s.PrimaryContact, s.UpdatedAt);
    }

    public static ContactFields ToFields(this ContactPatchBody body) =>
        new(body.Name, body.Role, body.Email, body.CountryCode, body.Phone, body.Notes, body.IsPrimary);

    public static ContactFields ToFields(this ContactBody body) =>
        new(body.Name, body.Role, body.Email, body.CountryCode, body.Phone, body.Notes, body.IsPrimary);

    public static NewTenantRequest ToRequest(this CreateTenantBody body) => new(
        body.Name, body.Notes, body.Contacts?.Select(c => c.ToFields()).ToList(), body.DeviceGroupIds, body.Domains,
        body.ConfirmReassign ?? false);
}

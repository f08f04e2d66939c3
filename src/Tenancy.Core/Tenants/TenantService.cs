using Tenancy.Core.Audit;
using Tenancy.Core.Access;
using Tenancy.Core.Common;
using Tenancy.Core.Contacts;
using Tenancy.Core.DeviceGroups;
using Tenancy.Core.Domains;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Core.Tenants;

public sealed record NewTenantRequest(
    string? Name,
    string? Notes,
    IReadOnlyList<ContactFields>? Contacts,
    IReadOnlyList<string>? DeviceGroupIds = null,
    IReadOnlyList<string>? Domains = null,
    bool ConfirmReassign = false);

/// <param name="EditSession">The caller's edit session (the console's autosave): its saves make one audit entry.</param>
public sealed record TenantPatch(string? Name, string? Notes, string? EditSession = null);

/// <summary>Tenant use cases (R2): validate, apply the rules, and hand atomic writes to the store.</summary>
public sealed class TenantService(ITenantStore store, TenantMutator mutator, DeviceGroupService groups, TenantDeletion deletion, TimeProvider clock)
{
    public const int MaxGroupsOnCreate = 15;

    public async Task<Tenant> CreateAsync(string accountId, NewTenantRequest request, TenantOrigin origin, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.DeviceGroupIds is { Count: > MaxGroupsOnCreate })
            errors.Add("deviceGroupIds", $"A tenant can be created with at most {MaxGroupsOnCreate} device groups; assign more afterwards.");
        var tenant = Build(request, Ids.New("tnt"), origin, clock.GetUtcNow(), errors, throwOnErrors: true);
        var groupIds = request.DeviceGroupIds?.Distinct().ToList() ?? [];

        // Groups are read, checked and written with their versions, so a race re-reads and re-checks.
        return await ConcurrencyRetry.RunAsync(async () =>
        {
            var assigned = await groups.ReadForAssignmentAsync(accountId, tenant.Id, groupIds, request.ConfirmReassign, cancellationToken);
            var created = tenant with { DeviceGroupCount = assigned.Count };
            var audit = AuditEntry.Of(clock.GetUtcNow(), AuditActions.TenantCreated, AuditTargets.Tenant, tenant.Id, null,
                created with { Groups = assigned }).FoundAlsoUnder(AuditMoves.Concerned(assigned, tenant.Id));
            return await store.CreateAsync(accountId, created, assigned, audit, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Creates a tenant of an import under the id the import derived for it: created again after a crash or a
    /// redelivery, it is found rather than duplicated. Imported tenants get no device groups (R8).
    /// </summary>
    /// <returns>Per tenant, in order: null when it was created (now or by an earlier delivery), else why not.</returns>
    public async Task<IReadOnlyList<TenancyException?>> CreateImportedAsync(
        string accountId, string importId, IReadOnlyList<Imports.ImportChunkTenant> imported, CancellationToken cancellationToken)
    {
        var outcomes = new TenancyException?[imported.Count];
        var built = new Dictionary<string, int>();
        var tenants = new List<Tenant>();
        for (var i = 0; i < imported.Count; i++)
        {
            var request = new NewTenantRequest(imported[i].Name, imported[i].Notes, imported[i].Contacts, Domains: imported[i].Domains);
            try
            {
                tenants.Add(Build(request, imported[i].TenantId, TenantOrigin.Import(importId), clock.GetUtcNow(), new FieldErrors(), throwOnErrors: true));
                built[imported[i].TenantId] = i;
            }
            catch (ValidationException ex)
            {
                outcomes[i] = ex;
            }
        }

        // Most tenants go several to a transaction; the few that meet a conflict are written alone, where a
        // redelivered chunk's tenant is recognised as already created and a taken name is told apart.
        // The system creates them, for the import: each tenant's entry names it, and goes with the tenant's rows (a
        // redelivered chunk finds its tenants written and writes neither again).
        AuditEntry Audit(Tenant t) => AuditEntry.Of(clock.GetUtcNow(), AuditActions.TenantCreated, AuditTargets.Tenant, t.Id, null, t, importId);
        foreach (var alone in await store.CreateTogetherAsync(accountId, tenants, Audit, cancellationToken))
        {
            try
            {
                await store.CreateAsync(accountId, alone, [], Audit(alone), cancellationToken);
            }
            catch (TenancyException ex) when (ex is ConflictException or ValidationException)
            {
                outcomes[built[alone.Id]] = ex;
            }
        }
        return outcomes;
    }

    /// <summary>Validates a new tenant and builds it; errors are collected (and thrown unless told not to).</summary>
    public static Tenant Build(NewTenantRequest request, string tenantId, TenantOrigin origin, DateTimeOffset now,
        FieldErrors errors, bool throwOnErrors)
    {
        var name = TenantName.Clean(request.Name);
        TenantName.Validate(name, errors);
        var notes = TextRules.Clean(request.Notes);
        TenantRules.ValidateNotes(notes, errors);

        var fields = request.Contacts ?? [];
        if (fields.Count > TenantRules.MaxContactsOnCreate)
            errors.Add("contacts", $"A tenant can be created with at most {TenantRules.MaxContactsOnCreate} contacts; add more afterwards.");

        // Contact ids follow the given order so that "earliest" means "first listed".
        var contactIdBase = origin.ImportId is null ? Ids.New("con") : Ids.Derived("con", tenantId);
        var contacts = fields
            .Select((c, i) => ContactRules.Create(c, $"{contactIdBase}-{i:D4}", now, errors, $"contacts[{i}]"))
            .ToList();
        var withPrimary = PrimaryContactRule.ForNewTenant(contacts, errors);
        var domains = DomainRules.ValidateAll(request.Domains ?? [], errors);
        if (domains.Count > TenantRules.MaxDomains)
            errors.Add("domains", $"A tenant can own at most {TenantRules.MaxDomains} domains.");
        if (throwOnErrors) errors.ThrowIfAny();

        return new Tenant(tenantId, name, notes, withPrimary, domains, origin, now, now);
    }

    /// <summary>The tenant; one outside the caller's reach is not found, exactly like a missing one (R10).</summary>
    public Task<Tenant> GetAsync(string accountId, string tenantId, CancellationToken cancellationToken) =>
        mutator.GetAsync(accountId, tenantId, cancellationToken);

    /// <summary>Tenants in name order; a technician's are the tenants it reaches, read directly (R10).</summary>
    public Task<ResultPage<TenantSummary>> ListAsync(string accountId, string? search, PageRequest page, CancellationToken cancellationToken)
    {
        var prefix = string.IsNullOrWhiteSpace(search) ? null : TenantName.Key(search);
        var reach = AccessRule.Current;
        return reach.AllTenants
            ? store.ListAsync(accountId, prefix, page, cancellationToken)
            : store.ListByIdsAsync(accountId, reach.TenantIds.ToList(), prefix, page, cancellationToken);
    }

    public Task<Tenant> UpdateAsync(string accountId, string tenantId, TenantPatch patch, string? ifMatch, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var name = patch.Name is null ? null : TenantName.Clean(patch.Name);
        if (name is not null) TenantName.Validate(name, errors);
        var notes = patch.Notes is null ? null : TextRules.Clean(patch.Notes) ?? "";
        TenantRules.ValidateNotes(notes, errors);
        if (patch.EditSession is not null && !Ids.LooksValid(patch.EditSession))
            errors.Add("Edit-Session", ApiMessages.IdShape.Text());
        errors.ThrowIfAny();

        return mutator.MutateAsync(accountId, tenantId, ifMatch, tenant =>
        {
            var changed = tenant with
            {
                Name = name ?? tenant.Name,
                Notes = notes is null ? tenant.Notes : notes.Length == 0 ? null : notes,
            };
            if (changed == tenant) return tenant;
            var now = clock.GetUtcNow();
            changed = changed with { UpdatedAt = now };
            return changed with { EditSession = TenantEditSession.Next(tenant, changed, patch.EditSession, now) };
        }, (before, after) => after.EditSession?.Entry(tenantId)
                              ?? AuditEntry.Of(clock.GetUtcNow(), AuditActions.TenantUpdated, AuditTargets.Tenant, tenantId, before, after), cancellationToken);
    }

    public async Task DeleteAsync(string accountId, string tenantId, string? ifMatch, CancellationToken cancellationToken)
    {
        if (ifMatch is not null && ifMatch != "*")
        {
            var current = await mutator.GetAsync(accountId, tenantId, cancellationToken);
            if (current.ETag != ifMatch)
                throw new PreconditionFailedException(ApiMessages.TenantStale.Text());
        }
        if (!Ids.LooksValid(tenantId) || !await deletion.DeleteAsync(accountId, tenantId,
                t => AuditEntry.Of(clock.GetUtcNow(), AuditActions.TenantDeleted, AuditTargets.Tenant, t.Id, t, null), cancellationToken))
            throw new NotFoundException(ApiMessages.TenantNotFound.Text(tenantId));
    }
}

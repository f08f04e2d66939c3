using System.Text.Json;
using Azure.Data.Tables;
using Tenancy.Core.Contacts;
using Tenancy.Core.Tenants;
using Tenancy.Core.Tickets;
using Tenancy.Storage.Tables;

namespace Tenancy.Storage.Tenants;

/// <summary>
/// The one place that knows how a tenant is laid out in the account's partition of the tenancy table:
/// <list type="bullet">
/// <item><c>T|{tenantId}</c> the tenant;</item>
/// <item><c>N|{name key}</c> the name index and list row (unique name, list in name order);</item>
/// <item><c>T|{tenantId}|C|{contactId}</c> one row per contact, and <c>T|{tenantId}|G|{groupId}</c> one per device
/// group assigned to the tenant (its name and device count): the tenant's own range, so one range query reads the
/// whole tenant;</item>
/// <item><c>D|{domain, labels reversed}</c> the domain index (a domain has one owner per account); reversed
/// (<c>D|com.contoso.mail</c>) so that a domain and all its parents lie in one key range, read in one query;</item>
/// <item><c>E|{email key}|{tenantId}|{contactId}</c> the contact email index that routes tickets.</item>
/// </list>
/// Every write of a tenant writes the changed rows of this set in one entity group transaction.
/// </summary>
public static class TenantRows
{
    public const string TenantPrefix = "T|";
    public const string NamePrefix = "N|";
    public const string DomainPrefix = "D|";
    public const string EmailPrefix = "E|";

    public static string TenantKey(string tenantId) => TenantPrefix + tenantId;
    public static string NameKey(string nameKey) => NamePrefix + RowKeys.Escape(nameKey);
    /// <summary>The tenant's range: its row and every row under it (tenant ids have one length, so no other tenant's).</summary>
    public static string RangePrefix(string tenantId) => TenantKey(tenantId);
    public static string ContactsPrefix(string tenantId) => RowKeys.Join(TenantKey(tenantId), "C", "");
    public static string GroupsPrefix(string tenantId) => RowKeys.Join(TenantKey(tenantId), "G", "");
    public static string GroupRefKey(string tenantId, string groupId) => GroupsPrefix(tenantId) + groupId;
    public static string DomainKey(string domain) => DomainPrefix + RowKeys.Escape(string.Join('.', domain.Split('.').Reverse()));
    public static string EmailTenantsPrefix(string emailKey) => RowKeys.Join("E", RowKeys.Escape(emailKey), "");

    /// <summary>Every row that represents the tenant, keyed by row key.</summary>
    public static Dictionary<string, TableEntity> For(string accountId, Tenant tenant, bool deleting = false)
    {
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        void Add(TableEntity e) => rows[e.RowKey] = e;

        Add(TenantEntity(accountId, tenant, deleting));
        Add(new TableEntity(accountId, NameKey(tenant.NameKey))
        {
            ["TenantId"] = tenant.Id,
            ["Name"] = tenant.Name,
            ["ContactCount"] = tenant.Contacts.Count,
            ["DeviceGroupCount"] = tenant.DeviceGroupCount,
            ["DomainCount"] = tenant.Domains.Count,
            ["PrimaryContact"] = tenant.PrimaryContact?.Name,
            ["UpdatedAt"] = tenant.UpdatedAt,
        });
        foreach (var contact in tenant.Contacts)
            Add(ContactEntity(accountId, tenant.Id, contact));
        foreach (var domain in tenant.Domains)
            Add(new TableEntity(accountId, DomainKey(domain)) { ["TenantId"] = tenant.Id, ["TenantName"] = tenant.Name });
        foreach (var contact in tenant.Contacts)
        {
            // Only the tenant id: a rename must not rewrite one row per contact.
            if (EmailKey.For(contact.Email) is { } key)
                Add(new TableEntity(accountId, EmailTenantsPrefix(key) + RowKeys.Join(tenant.Id, contact.Id)) { ["TenantId"] = tenant.Id });
        }
        return rows;
    }

    private static TableEntity TenantEntity(string accountId, Tenant tenant, bool deleting)
    {
        var row = TenantRow(accountId, tenant, deleting);
        if (tenant.EditSession is { } session)
        {
            row["EditSessionId"] = session.Id;
            row["EditSessionActorId"] = session.ActorId;
            row["EditSessionEntryId"] = session.EntryId;
            row["EditSessionAt"] = session.At;
            row["EditSessionBefore"] = session.Before;
            row["EditSessionAfter"] = session.After;
        }
        return row;
    }

    private static TableEntity TenantRow(string accountId, Tenant tenant, bool deleting) => new(accountId, TenantKey(tenant.Id))
    {
        ["Name"] = tenant.Name,
        ["Notes"] = tenant.Notes,
        ["Domains"] = JsonSerializer.Serialize(tenant.Domains),
        ["DeviceGroupCount"] = tenant.DeviceGroupCount,
        ["OriginKind"] = tenant.Origin.Kind,
        ["OriginImportId"] = tenant.Origin.ImportId,
        ["CreatedAt"] = tenant.CreatedAt,
        ["UpdatedAt"] = tenant.UpdatedAt,
        ["Deleting"] = deleting,
    };

    private static TableEntity ContactEntity(string accountId, string tenantId, Contact c) =>
        new(accountId, ContactsPrefix(tenantId) + c.Id)
        {
            ["ContactId"] = c.Id,
            ["Name"] = c.Name,
            ["Role"] = c.Role,
            ["Email"] = c.Email,
            ["CountryCode"] = c.CountryCode,
            ["Phone"] = c.Phone,
            ["Notes"] = c.Notes,
            ["IsPrimary"] = c.IsPrimary,
            ["CreatedAt"] = c.CreatedAt,
        };

    /// <summary>
    /// A device group's entry under the tenant: its name and device count as last folded. <c>CountPending</c> says
    /// that device writes may have changed the count since (then the group's own rows give the exact count).
    /// </summary>
    public static TableEntity GroupRefEntity(string accountId, string tenantId, string groupId, string name, int deviceCount, bool countPending) =>
        new(accountId, GroupRefKey(tenantId, groupId))
        {
            ["GroupId"] = groupId,
            ["Name"] = name,
            ["DeviceCount"] = deviceCount,
            ["CountPending"] = countPending,
        };

    public static bool IsGroupRef(TableEntity row) => row.ContainsKey("GroupId") && row.RowKey.Contains("|G|", StringComparison.Ordinal);

    public static bool IsContact(TableEntity row) => row.ContainsKey("ContactId");

    public static bool IsDeleting(TableEntity tenantRow) => tenantRow.GetBoolean("Deleting") == true;

    public static Tenant ReadTenant(TableEntity t, IEnumerable<TableEntity> contactRows) => new(
        Id: t.RowKey[TenantPrefix.Length..],
        Name: t.GetString("Name"),
        Notes: t.GetString("Notes"),
        Contacts: PrimaryContactRule.InCreationOrder(contactRows.Select(ReadContact)),
        Domains: JsonSerializer.Deserialize<string[]>(t.GetString("Domains") ?? "[]") ?? [],
        Origin: new TenantOrigin(t.GetString("OriginKind") ?? "console", t.GetString("OriginImportId")),
        CreatedAt: t.GetDateTimeOffset("CreatedAt") ?? default,
        UpdatedAt: t.GetDateTimeOffset("UpdatedAt") ?? default,
        ETag: t.ETag.ToString())
    {
        DeviceGroupCount = t.GetInt32("DeviceGroupCount") ?? 0,
        EditSession = t.GetString("EditSessionId") is { } session
            ? new TenantEditSession(session, t.GetString("EditSessionActorId"), t.GetString("EditSessionEntryId"),
                t.GetDateTimeOffset("EditSessionAt") ?? default, t.GetString("EditSessionBefore"), t.GetString("EditSessionAfter"))
            : null,
    };

    private static Contact ReadContact(TableEntity c) => new(
        c.GetString("ContactId"), c.GetString("Name"), c.GetString("Role"), c.GetString("Email"),
        c.GetString("CountryCode"), c.GetString("Phone"), c.GetString("Notes"),
        c.GetBoolean("IsPrimary") ?? false, c.GetDateTimeOffset("CreatedAt") ?? default);

    public static TenantSummary ReadSummary(TableEntity n) => new(
        n.GetString("TenantId"), n.GetString("Name"), n.GetInt32("ContactCount") ?? 0,
        n.GetInt32("DeviceGroupCount") ?? 0, n.GetInt32("DomainCount") ?? 0, n.GetString("PrimaryContact"),
        n.GetDateTimeOffset("UpdatedAt") ?? default);

    /// <summary>Whether two rows hold the same values (so an unchanged row is not rewritten).</summary>
    public static bool SameValues(TableEntity a, TableEntity b) =>
        a.Keys.Where(IsData).Count() == b.Keys.Where(IsData).Count()
        && a.Keys.Where(IsData).All(k => b.TryGetValue(k, out var v) && Equals(Normalize(a[k]), Normalize(v)));

    private static bool IsData(string key) => key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag");

    private static object? Normalize(object? value) => value is DateTime d ? new DateTimeOffset(d) : value;
}

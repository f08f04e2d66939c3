using System.Globalization;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Imports;

/// <summary>
/// Exports the caller's tenants as a template workbook (R12) that the import reads back: streamed, tenant by tenant as
/// storage pages them in, so that an export of 10,000 tenants never holds them all.
/// </summary>
public sealed class TenantExportService(ITenantExportSource source, ITenantExportWriter writer, TimeProvider clock)
{
    /// <summary>
    /// Starts an export: reads the first page of tenants now, so that a storage failure is still a plain error answer
    /// rather than a download cut short, and returns what writes the workbook.
    /// </summary>
    public async Task<TenantExport> StartAsync(string accountId, TemplateLanguage language, CancellationToken cancellationToken)
    {
        // The reach is taken now: the workbook is written after the handler returned, outside the request's caller scope.
        var tenants = TenantsInReachAsync(accountId, Access.AccessRule.Current, cancellationToken).GetAsyncEnumerator(cancellationToken);
        bool any;
        try
        {
            any = await tenants.MoveNextAsync();
        }
        catch
        {
            await tenants.DisposeAsync();
            throw;
        }
        return new TenantExport(FileName(language),
            output => writer.WriteAsync(output, language, RowsAsync(tenants, any, language), cancellationToken));
    }

    /// <summary>The tenants an export may show: those of the account the caller reaches (R10; all of them for the account key and administrators).</summary>
    public async IAsyncEnumerable<Tenant> TenantsInReachAsync(string accountId, Access.Reach reach,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var tenant in source.ReadAllAsync(accountId, cancellationToken))
            if (reach.ReachesTenant(tenant.Id)) yield return tenant;
    }

    /// <summary>The download's name, dated in UTC: <c>tenants-2026-11-30.xlsx</c>, <c>locataires-2026-11-30.xlsx</c>.</summary>
    public string FileName(TemplateLanguage language) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(language == TemplateLanguage.French ? "locataires" : "tenants")}-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");

    private static async IAsyncEnumerable<IReadOnlyDictionary<TemplateField, string>> RowsAsync(
        IAsyncEnumerator<Tenant> tenants, bool hasCurrent, TemplateLanguage language)
    {
        await using (tenants)
        {
            for (var more = hasCurrent; more; more = await tenants.MoveNextAsync())
            {
                foreach (var row in TenantExportRows.For(tenants.Current, language))
                    yield return row;
            }
        }
    }
}

/// <summary>An export under way: its file name, and what writes the workbook to a stream (once).</summary>
public sealed record TenantExport(string FileName, Func<Stream, Task> WriteToAsync);

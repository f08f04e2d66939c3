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
        var tenants = TenantsInReachAsync(accountId, cancellationToken).GetAsyncEnumerator(cancellationToken);
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

    /// <summary>The tenants an export may show: today every tenant of the account. The one place to narrow it to a caller's reach.</summary>
    public IAsyncEnumerable<Tenant> TenantsInReachAsync(string accountId, CancellationToken cancellationToken) =>
        source.ReadAllAsync(accountId, cancellationToken);

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

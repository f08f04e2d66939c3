using System.Globalization;
using System.Runtime.CompilerServices;
using Tenancy.Core.Tenants;

namespace Tenancy.Core.Imports;

/// <summary>
/// Exports the caller's tenants as a template workbook (R12) that the import reads back: streamed, tenant by tenant as
/// storage pages them in, so that an export of 10,000 tenants never holds them all.
/// </summary>
public sealed class TenantExportService(ITenantExportSource source, ITenantExportWriter writer, TimeProvider clock)
{
    public Task ExportAsync(string accountId, TemplateLanguage language, Stream output, CancellationToken cancellationToken) =>
        writer.WriteAsync(output, language, RowsAsync(TenantsInReachAsync(accountId, cancellationToken), language, cancellationToken), cancellationToken);

    /// <summary>The tenants an export may show: today every tenant of the account. The one place to narrow it to a caller's reach.</summary>
    public IAsyncEnumerable<Tenant> TenantsInReachAsync(string accountId, CancellationToken cancellationToken) =>
        source.ReadAllAsync(accountId, cancellationToken);

    /// <summary>The download's name, dated in UTC: <c>tenants-2026-11-30.xlsx</c>, <c>locataires-2026-11-30.xlsx</c>.</summary>
    public string FileName(TemplateLanguage language) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(language == TemplateLanguage.French ? "locataires" : "tenants")}-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");

    private static async IAsyncEnumerable<IReadOnlyDictionary<TemplateField, string>> RowsAsync(
        IAsyncEnumerable<Tenant> tenants, TemplateLanguage language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var tenant in tenants.WithCancellation(cancellationToken))
        {
            foreach (var row in TenantExportRows.For(tenant, language))
                yield return row;
        }
    }
}

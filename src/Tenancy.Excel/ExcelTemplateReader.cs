using Tenancy.Core.Imports;

namespace Tenancy.Excel;

/// <summary>The import's <see cref="ITemplateReader"/> port, served by <see cref="TemplateReader"/>.</summary>
public sealed class ExcelTemplateReader(ImportOptions options) : ITemplateReader
{
    private readonly TemplateReader _reader = new(new TemplateReaderOptions { MaxFileBytes = options.MaxFileBytes });

    public Task<TemplateReadResult> ReadAsync(Stream file, CancellationToken cancellationToken) => _reader.ReadAsync(file, cancellationToken);
}

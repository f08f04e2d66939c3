using Tenancy.Core.Imports;
using Microsoft.AspNetCore.Http;
using Tenancy.Core.Common;
using Tenancy.Http.Problems;

namespace Tenancy.Http.Endpoints;

/// <summary>Reads an uploaded spreadsheet: a raw .xlsx body or a multipart form with one file, within a size limit.</summary>
public static class UploadedFile
{

    public static async Task<(string? FileName, byte[] Content)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes) throw TooLarge(maxBytes);
        var contentType = request.ContentType ?? "";
        if (contentType.StartsWith(TemplateFiles.ContentType, StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase))
            return (request.Query["fileName"].ToString() is { Length: > 0 } name ? name : null, await ReadAllAsync(request.Body, maxBytes, cancellationToken));

        if (!request.HasFormContentType || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            throw new HttpProblemException(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type.",
                $"Send the template as {TemplateFiles.ContentType}, or as multipart/form-data with one file.");

        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.Count != 1)
            throw ValidationException.For("file", $"Send exactly one file (got {form.Files.Count}).");
        var file = form.Files[0];
        if (file.Length > maxBytes) throw TooLarge(maxBytes);
        await using var stream = file.OpenReadStream();
        return (file.FileName, await ReadAllAsync(stream, maxBytes, cancellationToken));
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) throw TooLarge(maxBytes);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw ValidationException.For("file", "The file is empty.");
        return buffer.ToArray();
    }

    private static HttpProblemException TooLarge(long maxBytes) => new(StatusCodes.Status413PayloadTooLarge, "payload-too-large",
        "The file is too large.", $"A template can be at most {maxBytes / 1024 / 1024} MiB.");
}

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

        var form = await ReadFormAsync(request, cancellationToken);
        if (form.Files.Count != 1)
            throw ValidationException.For("file", $"Send exactly one file (got {form.Files.Count}).");
        var file = form.Files[0];
        if (file.Length > maxBytes) throw TooLarge(maxBytes);
        await using var stream = file.OpenReadStream();
        return (file.FileName, await ReadAllAsync(stream, maxBytes, cancellationToken));
    }

    // The form reader throws InvalidDataException (no boundary, too many fields or sections, a part too long) and
    // IOException (a body that ends before its closing boundary): all are the caller's mistakes.
    private static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw MalformedForm(ex.Message);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw MalformedForm($"The body ended before the form did ({ex.Message})");
        }
    }

    private static HttpProblemException MalformedForm(string reason) => new(StatusCodes.Status400BadRequest, "malformed-multipart",
        "The multipart form is not valid.", $"{reason.TrimEnd('.')}. Send multipart/form-data with a boundary and exactly one file, or the raw .xlsx body.");

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

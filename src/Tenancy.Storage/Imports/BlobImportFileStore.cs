using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Tenancy.Core.Audit;
using Tenancy.Core.Imports;

namespace Tenancy.Storage.Imports;

/// <summary>Template files in the <c>tenant-imports</c> container.</summary>
public sealed class BlobImportFileStore(BlobServiceClient service) : IImportFileStore
{
    public const string ContainerName = "tenant-imports";

    public BlobContainerClient Container { get; } = service.GetBlobContainerClient(ContainerName);

    public async Task<StoredFile> UploadAsync(string blobName, Stream content, ImportMode mode, AuditActor? uploadedBy, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>();
        if (mode == ImportMode.Upsert) metadata[ImportModes.MetadataKey] = mode.Code();
        if (uploadedBy is not null) ImportUploader.Write(uploadedBy, metadata);
        try
        {
            await Container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = TemplateFiles.ContentType },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = metadata.Count > 0 ? metadata : null,
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Upload names are unique (time and a random part): the blob exists because our own attempt wrote it and
            // its answer was lost, so the SDK's retry met the If-None-Match of its first try.
        }
        var properties = await Container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
        return new StoredFile(blobName, properties.Value.ETag.ToString(), properties.Value.ContentLength) { Mode = mode, UploadedBy = uploadedBy };
    }

    public async Task<StoredFile?> FindAsync(string blobName, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await Container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken);
            return new StoredFile(blobName, properties.Value.ETag.ToString(), properties.Value.ContentLength)
            {
                Mode = ImportModes.From(blobName, properties.Value.Metadata.TryGetValue(ImportModes.MetadataKey, out var mode) ? mode : null),
                UploadedBy = ImportUploader.Read(properties.Value.Metadata),
            };
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<byte[]?> DownloadAsync(string blobName, string etag, CancellationToken cancellationToken)
    {
        try
        {
            var content = await Container.GetBlobClient(blobName).DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag(etag) } }, cancellationToken);
            return content.Value.Content.ToArray();
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }
}

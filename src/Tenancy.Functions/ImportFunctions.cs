using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Tenancy.Core.Imports;
using Tenancy.Http;
using Tenancy.Http.Endpoints;
using Tenancy.Http.Logging;
using Tenancy.Storage.Imports;
using Tenancy.Storage.Setup;

namespace Tenancy.Functions;

/// <summary>
/// Imports (R7–R9): the import routes and the blob trigger for templates dropped under
/// <c>tenant-imports/{accountId}/</c>. The <c>tenant-import-chunks</c> consumer is in <see cref="ServiceBusFunctions"/>.
/// </summary>
public sealed class ImportFunctions(ImportProcessor processor, ILoggerFactory loggers)
{
    [Function("ListImports")]
    public static Task<IResult> ListImports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Imports)] HttpRequest req) =>
        ImportEndpoints.List(req);

    [Function("UploadImport")]
    public static Task<IResult> UploadImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Imports)] HttpRequest req) =>
        ImportEndpoints.Upload(req);

    [Function("GetImportTemplate")]
    public static Task<IResult> GetImportTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImportTemplate)] HttpRequest req) =>
        ImportEndpoints.Template(req);

    [Function("GetImport")]
    public static Task<IResult> GetImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Import)] HttpRequest req, string importId) =>
        ImportEndpoints.Get(req, importId);

    [Function("GetImportErrors")]
    public static Task<IResult> GetImportErrors(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImportErrors)] HttpRequest req, string importId) =>
        ImportEndpoints.Errors(req, importId);

    [Function("ListImportErrors")]
    public static Task<IResult> ListImportErrors(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ImportErrorItems)] HttpRequest req, string importId) =>
        ImportEndpoints.ErrorItems(req, importId);

    [Function("UndoImport")]
    public static Task<IResult> UndoImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ImportUndo)] HttpRequest req, string importId) =>
        ImportEndpoints.Undo(req, importId);

    // Flex Consumption runs blob triggers only from Event Grid; infra/hooks/postdeploy.sh subscribes this
    // function by name. BlobClient.Name is the blob's whole name in the container, "{accountId}/{file}",
    // whatever the {name} pattern captures; the processor reads the blob itself.
    [Function("ImportTemplateBlob")]
    public Task ImportTemplateBlob(
        [BlobTrigger(BlobImportFileStore.ContainerName + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageOptions.Section)] BlobClient blob,
        string name, CancellationToken cancellationToken)
    {
        // The import id is the blob's name and tag; the tag costs a call, so the lines carry the account alone.
        var slash = blob.Name.IndexOf('/');
        using var scope = LogScopes.BeginAccount(loggers.CreateLogger(LogScopes.Category), slash > 0 ? blob.Name[..slash] : "");
        return processor.HandleBlobAsync(blob.Name, cancellationToken);
    }
}

namespace Tenancy.Storage.Setup;

/// <summary>
/// Where the data lives: an Azurite connection string locally, service URIs with a managed identity in
/// Azure (configuration section <c>TENANCY_STORAGE</c>; no keys in settings).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "TENANCY_STORAGE";

    public string? ConnectionString { get; set; }
    public Uri? TableServiceUri { get; set; }
    public Uri? BlobServiceUri { get; set; }
    public Uri? QueueServiceUri { get; set; }

    /// <summary>The client id of a user-assigned managed identity; empty means the default credential chain.</summary>
    public string? ClientId { get; set; }
}

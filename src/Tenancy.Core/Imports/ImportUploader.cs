using Tenancy.Core.Audit;

namespace Tenancy.Core.Imports;

/// <summary>
/// Who uploaded a file through the API, kept in its blob's metadata: the upload and the blob stage both record the
/// job's audit entry (whichever comes first wins), and both must name the person who uploaded it, not the system.
/// Metadata values are ASCII, so the name is percent-encoded.
/// </summary>
public static class ImportUploader
{
    private const string KindKey = "uploaderkind";
    private const string IdKey = "uploaderid";
    private const string NameKey = "uploadername";

    public static void Write(AuditActor uploader, IDictionary<string, string> metadata)
    {
        metadata[KindKey] = uploader.Kind;
        metadata[IdKey] = uploader.Id;
        metadata[NameKey] = Uri.EscapeDataString(uploader.Name);
    }

    public static AuditActor? Read(IDictionary<string, string> metadata) =>
        metadata.TryGetValue(KindKey, out var kind) && metadata.TryGetValue(IdKey, out var id) && metadata.TryGetValue(NameKey, out var name)
            && kind is AuditActor.Account or AuditActor.Agent
            ? new AuditActor(kind, id, Uri.UnescapeDataString(name))
            : null;
}

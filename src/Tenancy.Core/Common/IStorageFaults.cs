namespace Tenancy.Core.Common;

/// <summary>Tells a storage outage (worth a 503 and a retry later) from a bug, without naming the storage's types.</summary>
public interface IStorageFaults
{
    bool IsUnavailable(Exception exception);
}

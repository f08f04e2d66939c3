using Tenancy.WebConsole.Api;

namespace Tenancy.WebConsole.Session;

/// <summary>
/// What the console offers a caller (R10): the account key and administrators everything; a technician the read-only
/// pages (the API shows it only what it reaches, and refuses its writes with 403).
/// </summary>
public sealed record Permissions(bool Read, bool ManageTenants, bool ManageGroups, bool Import)
{
    public static readonly Permissions None = new(false, false, false, false);

    public static Permissions For(CallerResponse caller) =>
        caller.IsAccount || caller.Role == "administrator"
            ? new(true, true, true, true)
            : new(true, false, false, false);
}

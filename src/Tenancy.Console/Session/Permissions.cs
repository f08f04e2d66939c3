using Tenancy.WebConsole.Api;

namespace Tenancy.WebConsole.Session;

/// <summary>
/// What the console offers a caller. An account key may do everything. Agents' roles and grants (R10) are
/// not served yet: an agent key is shown the read-only pages until they are.
/// </summary>
public sealed record Permissions(bool Read, bool ManageTenants, bool ManageGroups, bool Import)
{
    public static readonly Permissions None = new(false, false, false, false);

    public static Permissions For(CallerResponse caller) =>
        caller.IsAccount || caller.Role == "administrator"
            ? new(true, true, true, true)
            : new(true, false, false, false);
}

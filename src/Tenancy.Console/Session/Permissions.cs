using Tenancy.Core.Access;
using Tenancy.WebConsole.Api;

namespace Tenancy.WebConsole.Session;

/// <summary>
/// What the console offers a caller (R10), read from the API's own rule (<see cref="AccessRule.Permitted"/>), so a page
/// the API would refuse with 403 is not offered: the account key and administrators everything; a technician the
/// read-only pages (the API shows it only what it reaches) and its own signing keys.
/// </summary>
public sealed record Permissions(bool Read, bool ManageTenants, bool ManageGroups, bool Import,
    bool Routing = false, bool ManageAccess = false, bool ReadAudit = false, bool SigningKeys = false)
{
    /// <summary>Whether the role may do any operation that needs a signed request (a technician may not: it needs no key).</summary>
    public bool SignsRequests => ManageTenants || ManageGroups || ManageAccess;

    public static readonly Permissions None = new(false, false, false, false);

    public static Permissions For(CallerResponse caller)
    {
        var role = caller.IsAccount ? AgentRole.Administrator : AgentRoles.Parse(caller.Role);
        bool May(Operation operation) => role is { } r && AccessRule.Permitted[r].Contains(operation);
        return new(May(Operation.ReadTenants), May(Operation.ManageTenants), May(Operation.ManageTenants), May(Operation.Imports),
            May(Operation.Routing), May(Operation.ManageAccess), May(Operation.ReadAudit), May(Operation.SigningKeys));
    }
}

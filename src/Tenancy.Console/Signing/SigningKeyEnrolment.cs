using Microsoft.Extensions.Localization;
using Tenancy.WebConsole.Api;
using Tenancy.WebConsole.Resources;
using Tenancy.WebConsole.Session;

namespace Tenancy.WebConsole.Signing;

/// <summary>
/// Gives the signed-in agent a signing key in this browser: finds the one kept for it (slot: API base and agent id),
/// or makes one and registers its public half, then follows its status (pending until an administrator approves it).
/// The account key needs none, nor does a role that may do no sensitive operation (a technician).
/// </summary>
public sealed class SigningKeyEnrolment(ConsoleSession session, ConsoleSigningKey current, ILocalSigningKeys local, SigningKeysApi api,
    ApiBase apiBase, IStringLocalizer<Strings> text, TimeProvider clock)
{
    /// <summary>Finds or makes this browser's key for the signed-in agent and reads its status.</summary>
    public async Task StartAsync()
    {
        if (session.Caller is not { IsAccount: false, AgentId: { } agentId } || !session.Permissions.SignsRequests)
        {
            current.Clear();
            return;
        }
        var slot = $"{apiBase.Uri}|{agentId}";
        if (current.Slot == slot && current.Status is not ConsoleKeyStatus.None) return;
        if (!await local.SupportedAsync())
        {
            current.Set(ConsoleKeyStatus.Unsupported, slot);
            return;
        }
        var stored = await local.FindAsync(slot);
        // A key made but not registered (the tab closed in between): registering the same public key again is safe.
        if (stored is null || stored.KeyId is null) await RegisterAsync(agentId, slot, stored?.PublicJwk);
        else await RefreshAsync(agentId, slot, stored.KeyId);
    }

    /// <summary>Reads the key's status again (an administrator may have approved or revoked it).</summary>
    public async Task RefreshAsync()
    {
        if (session.Caller is { AgentId: { } agentId } && current is { Slot: { } slot, KeyId: { } keyId })
            await RefreshAsync(agentId, slot, keyId);
    }

    /// <summary>Forgets this browser's key and registers a new one (after a revocation).</summary>
    public async Task RenewAsync()
    {
        if (session.Caller is not { AgentId: { } agentId } || current.Slot is not { } slot) return;
        await local.ForgetAsync(slot);
        await RegisterAsync(agentId, slot, null);
    }

    private async Task RegisterAsync(string agentId, string slot, string? publicJwk)
    {
        current.Set(ConsoleKeyStatus.Registering, slot);
        publicJwk ??= await local.CreateAsync(slot);
        var name = string.Format(text["SigningKeyDefaultName"], clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        var registered = await api.RegisterAsync(agentId, name, publicJwk);
        if (!registered.Ok)
        {
            current.Set(ConsoleKeyStatus.Failed, slot, problem: registered.Problem);
            return;
        }
        await local.SetKeyIdAsync(slot, registered.Value!.Id);
        current.Set(StatusOf(registered.Value.Status), slot, registered.Value.Id, registered.Value.Fingerprint);
    }

    private async Task RefreshAsync(string agentId, string slot, string keyId)
    {
        var keys = await api.ListAsync(agentId);
        if (!keys.Ok)
        {
            current.Set(ConsoleKeyStatus.Failed, slot, keyId, current.Fingerprint, keys.Problem);
            return;
        }
        var key = keys.Value!.Items.FirstOrDefault(k => k.Id == keyId);
        current.Set(key is null ? ConsoleKeyStatus.Revoked : StatusOf(key.Status), slot, keyId, key?.Fingerprint);
    }

    private static ConsoleKeyStatus StatusOf(string status) => status switch
    {
        "approved" => ConsoleKeyStatus.Approved,
        "pending" => ConsoleKeyStatus.Pending,
        _ => ConsoleKeyStatus.Revoked,
    };
}

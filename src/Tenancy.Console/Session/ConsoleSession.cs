using Tenancy.WebConsole.Api;

namespace Tenancy.WebConsole.Session;

/// <summary>
/// The signed-in key and who it is. The key lives in sessionStorage only: a reload keeps it, closing the tab
/// or signing out forgets it. A <c>401</c> from any call signs the console out.
/// </summary>
/// <remarks>
/// Everything a person leaves in the tab's sessionStorage (the key, a half-typed tenant) is theirs: signing out
/// empties it. An expired key keeps it, so the same person signing in again finds their draft; anyone else
/// signing in on that tab starts from nothing.
/// </remarks>
public sealed class ConsoleSession(BrowserStorage storage)
{
    private const string StorageName = "tenancy.apiKey";
    private const string PersonStorageName = "tenancy.person";

    public string? Key { get; private set; }

    public CallerResponse? Caller { get; private set; }

    public bool SignedIn => Key is not null && Caller is not null;

    /// <summary>Set when the API refused the key after sign-in (expired, rotated, deleted).</summary>
    public bool Expired { get; private set; }

    public event Action? Changed;

    /// <summary>What the caller may see: everything for an account key; agents' pages come with the access issue.</summary>
    public Permissions Permissions => Caller is null ? Permissions.None : Permissions.For(Caller);

    public async Task RestoreAsync()
    {
        var key = await storage.GetSessionAsync(StorageName);
        if (!string.IsNullOrWhiteSpace(key)) Key = key;
    }

    /// <summary>Remembers who a restored or new key is; the caller checked it against the API.</summary>
    public async Task SignInAsync(string key, CallerResponse caller)
    {
        var previous = await storage.GetSessionAsync(PersonStorageName);
        if (previous is not null && previous != caller.Person) await storage.ClearSessionAsync();
        Key = key;
        Caller = caller;
        Expired = false;
        await storage.SetSessionAsync(PersonStorageName, caller.Person);
        await storage.SetSessionAsync(StorageName, key);
        Changed?.Invoke();
    }

    public async Task SignOutAsync()
    {
        Key = null;
        Caller = null;
        await storage.ClearSessionAsync();
        Changed?.Invoke();
    }

    /// <summary>Forgets a key the API no longer accepts (the storage copy goes at the next sign-in or sign-out).</summary>
    public void Expire() => ForgetKey(expired: true);

    /// <summary>Forgets the key only (a restored key the API did not confirm): the person's draft waits for them.</summary>
    public void ForgetKey(bool expired)
    {
        if (Key is null) return;
        Key = null;
        Caller = null;
        Expired = expired;
        _ = storage.RemoveSessionAsync(StorageName).AsTask();
        Changed?.Invoke();
    }
}

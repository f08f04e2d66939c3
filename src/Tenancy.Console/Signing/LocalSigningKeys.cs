using Microsoft.JSInterop;

namespace Tenancy.WebConsole.Signing;

/// <summary>A key pair kept on this device: its public JWK (JSON) and, once registered, the API's id for it.</summary>
public sealed record LocalSigningKey(string PublicJwk, string? KeyId);

/// <summary>
/// The agent's key pairs on this device, by slot. The private half never leaves the store: it signs, it is not read.
/// </summary>
public interface ILocalSigningKeys
{
    Task<bool> SupportedAsync();

    Task<LocalSigningKey?> FindAsync(string slot);

    /// <summary>Makes a new key pair in the slot (replacing any) and answers its public JWK.</summary>
    Task<string> CreateAsync(string slot);

    Task SetKeyIdAsync(string slot, string keyId);

    /// <summary>The ECDSA P-256 / SHA-256 signature of the text's ASCII bytes, 64 bytes r‖s; null if the slot is empty.</summary>
    Task<byte[]?> SignAsync(string slot, string text);

    Task ForgetAsync(string slot);
}

/// <summary>WebCrypto and IndexedDB in the browser (wwwroot/js/signing-keys.js): the private key is non-extractable.</summary>
public sealed class BrowserSigningKeys(IJSRuntime js) : ILocalSigningKeys
{
    public async Task<bool> SupportedAsync() => await js.InvokeAsync<bool>("tenancySigning.supported");

    public async Task<LocalSigningKey?> FindAsync(string slot) => await js.InvokeAsync<LocalSigningKey?>("tenancySigning.find", slot);

    public async Task<string> CreateAsync(string slot) => await js.InvokeAsync<string>("tenancySigning.create", slot);

    public async Task SetKeyIdAsync(string slot, string keyId) => await js.InvokeVoidAsync("tenancySigning.setKeyId", slot, keyId);

    public async Task<byte[]?> SignAsync(string slot, string text) =>
        await js.InvokeAsync<string?>("tenancySigning.sign", slot, text) is { } signature ? Convert.FromBase64String(signature) : null;

    public async Task ForgetAsync(string slot) => await js.InvokeVoidAsync("tenancySigning.forget", slot);
}

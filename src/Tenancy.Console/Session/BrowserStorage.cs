using Microsoft.JSInterop;

namespace Tenancy.WebConsole.Session;

/// <summary>The browser's sessionStorage (the key: gone when the tab closes) and localStorage (the language).</summary>
public sealed class BrowserStorage(IJSRuntime js)
{
    public ValueTask<string?> GetSessionAsync(string name) => js.InvokeAsync<string?>("sessionStorage.getItem", name);

    public ValueTask SetSessionAsync(string name, string value) => js.InvokeVoidAsync("sessionStorage.setItem", name, value);

    public ValueTask RemoveSessionAsync(string name) => js.InvokeVoidAsync("sessionStorage.removeItem", name);

    /// <summary>Empties this tab's sessionStorage: all of it is the signed-in person's (key, drafts).</summary>
    public ValueTask ClearSessionAsync() => js.InvokeVoidAsync("sessionStorage.clear");

    public ValueTask<string?> GetLocalAsync(string name) => js.InvokeAsync<string?>("localStorage.getItem", name);

    public ValueTask SetLocalAsync(string name, string value) => js.InvokeVoidAsync("localStorage.setItem", name, value);
}

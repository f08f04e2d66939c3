using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using Tenancy.WebConsole.Session;

namespace Tenancy.WebConsole.Api;

/// <summary>Downloads (template, error report) and the upload with progress, through wwwroot/js/console.js.</summary>
public sealed class BrowserFiles(IJSRuntime js, ApiBase api, ConsoleSession session)
{
    public const string SpreadsheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public ValueTask SaveAsync(string fileName, byte[] content) =>
        js.InvokeVoidAsync("tenancyConsole.download", fileName, content, SpreadsheetType);

    public ValueTask InitPickerAsync<T>(ElementReference zone, ElementReference input, DotNetObjectReference<T> target) where T : class =>
        js.InvokeVoidAsync("tenancyConsole.initFilePicker", zone, input, target);

    public ValueTask BrowseAsync(string inputId) => js.InvokeVoidAsync("tenancyConsole.browseFile", inputId);

    public ValueTask ClearAsync(string inputId) => js.InvokeVoidAsync("tenancyConsole.clearFile", inputId);

    /// <summary>Posts the chosen file as multipart/form-data; the target's <c>UploadProgress</c> hears the bytes sent.</summary>
    public async Task<(int Status, string Body)> UploadAsync<T>(string inputId, string path, DotNetObjectReference<T> target) where T : class
    {
        var answer = await js.InvokeAsync<UploadAnswer>("tenancyConsole.upload", inputId, api.Url(path), session.Key ?? "", target);
        if (answer.Status == 401) session.Expire();
        return (answer.Status, answer.Body);
    }

    private sealed record UploadAnswer(int Status, string Body);
}

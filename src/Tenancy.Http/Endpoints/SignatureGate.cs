using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Tenancy.Core.Accounts;
using Tenancy.Core.Signatures;

namespace Tenancy.Http.Endpoints;

/// <summary>
/// Hands a sensitive request to the signature rule (<see cref="SigningKeyService.RequireSignatureAsync"/>) as the
/// signer saw it: method, the URL as received (scheme, host, path and query), headers and the raw body, which is
/// buffered so that the handler reads it afterwards.
/// </summary>
public static class SignatureGate
{
    /// <summary>The most body a sensitive request is read for: they are small JSON documents.</summary>
    public const int MaxSignedBodyBytes = 1024 * 1024;

    /// <summary>For handlers whose body says whether they are sensitive: call before reading the body, then <see cref="RequireAsync"/>.</summary>
    public static void KeepBody(HttpRequest request) => request.EnableBuffering();

    public static async Task RequireAsync(HttpRequest request, Caller caller, SensitiveOperation operation, CancellationToken cancellationToken)
    {
        if (!caller.IsAgent) return;
        var body = await BufferedBodyAsync(request, operation, cancellationToken);
        var parts = HttpMessageParts.Request(request.Method, request.GetEncodedUrl(),
            request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? ""))));
        await request.HttpContext.RequestServices.GetRequiredService<SigningKeyService>()
            .RequireSignatureAsync(caller, operation, parts, body, cancellationToken);
    }

    private static async Task<byte[]> BufferedBodyAsync(HttpRequest request, SensitiveOperation operation, CancellationToken cancellationToken)
    {
        // A handler that read its body to decide (a move, a role change) buffered it first: read it again from the start.
        request.EnableBuffering();
        request.Body.Position = 0;
        using var copy = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > MaxSignedBodyBytes)
                throw new SignatureRequiredException(operation, "the body is too large to be signed.");
        }
        request.Body.Position = 0;
        return copy.ToArray();
    }
}

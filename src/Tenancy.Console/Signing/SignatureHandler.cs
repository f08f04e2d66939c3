using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Tenancy.Core.Signatures;
using Tenancy.WebConsole.Resources;
using Tenancy.WebConsole.Session;

namespace Tenancy.WebConsole.Signing;

/// <summary>
/// Signs an agent's sensitive requests, whichever page sends them: the same rule as the API's
/// (<see cref="SensitiveRequests"/>) says which they are; the agent confirms each one, then the request goes out with
/// <c>Content-Digest</c>, <c>Signature-Input</c> and <c>Signature</c> (<see cref="SignatureDraft"/>, signed by this
/// browser's key). Cancelled, or without an approved key, nothing is sent: the page gets a problem that says why.
/// The account key's requests pass untouched.
/// </summary>
public sealed class SignatureHandler(ConsoleSession session, ConsoleSigningKey key, ILocalSigningKeys local, SignatureConfirmation confirmation,
    IStringLocalizer<Strings> text, TimeProvider clock) : DelegatingHandler
{
    /// <summary>Well inside the API's 5 minutes: the request leaves as soon as it is signed.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromMinutes(2);

    public const string CancelledType = "urn:tenancy:problem:signature-cancelled";
    public const string RequiredType = "urn:tenancy:problem:signature-required";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (session.Caller is not { IsAccount: false } || request.RequestUri is null) return await base.SendAsync(request, cancellationToken);
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        if (SensitiveRequests.FindRule(request.Method.Method, request.RequestUri.AbsolutePath, body) is not { Operation: var operation } rule)
            return await base.SendAsync(request, cancellationToken);

        var action = text[SensitiveOperationNames.Key(operation)];
        if (key is not { Status: ConsoleKeyStatus.Approved, Slot: { } slot, KeyId: { } keyId })
        {
            // Only the API knows whether this one needs a signature (the device's tenant, the key's owner): it says so if it does.
            if (rule.ByState) return await base.SendAsync(request, cancellationToken);
            return Refusal(request, RequiredType, key.Status == ConsoleKeyStatus.Pending ? text["SignatureKeyPending"] : text["SignatureKeyMissing"], action);
        }
        if (!await confirmation.ConfirmAsync(operation, cancellationToken))
            return Refusal(request, CancelledType, text["SignatureCancelled"], action);

        var draft = SignatureDraft.For(request.Method.Method, request.RequestUri.AbsoluteUri, request.Headers.Authorization?.ToString(), body,
            keyId, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), clock.GetUtcNow(), Validity);
        if (await local.SignAsync(slot, draft.Base) is not { } signature)
            return Refusal(request, RequiredType, text["SignatureKeyMissing"], action);
        if (draft.ContentDigest is not null) request.Headers.TryAddWithoutValidation("Content-Digest", draft.ContentDigest);
        request.Headers.TryAddWithoutValidation("Signature-Input", draft.SignatureInput);
        request.Headers.TryAddWithoutValidation("Signature", SignatureDraft.SignatureHeader(signature));
        return await base.SendAsync(request, cancellationToken);
    }

    private HttpResponseMessage Refusal(HttpRequestMessage request, string type, string message, string action)
    {
        var problem = JsonSerializer.Serialize(new { type, title = text["SignatureNotSent"].Value, status = 403, detail = string.Format(message, action) });
        return new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            RequestMessage = request,
            Content = new StringContent(problem, Encoding.UTF8, "application/problem+json"),
        };
    }
}

namespace Tenancy.Core.Signatures;

/// <summary>
/// Tenancy's profile of RFC 9421 for sensitive requests: one signature, label free, covering <c>@method</c>,
/// <c>@target-uri</c>, <c>authorization</c> and, when the request has a body, <c>content-digest</c> (RFC 9530,
/// checked against the body); parameters <c>created</c>, <c>expires</c> (at most <see cref="MaxValidity"/> after
/// created), <c>nonce</c>, <c>keyid</c> and <c>alg="ecdsa-p256-sha256"</c>; clocks may differ by
/// <see cref="ClockSkew"/>. <see cref="Read"/> checks all of that without the key; <see cref="Verify"/> checks the
/// signature with the key that <see cref="KeyId"/> names. Replay (a nonce seen twice) is the caller's to check, after.
/// </summary>
public sealed class RequestSignature
{
    public const string Algorithm = "ecdsa-p256-sha256";
    public static readonly TimeSpan MaxValidity = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);
    public static readonly IReadOnlyList<string> RequiredComponents = ["@method", "@target-uri", "authorization"];

    private readonly byte[] _signature;

    private RequestSignature(string keyId, string nonce, DateTimeOffset expires, string signatureBase, byte[] signature)
    {
        KeyId = keyId;
        Nonce = nonce;
        Expires = expires;
        Base = signatureBase;
        _signature = signature;
    }

    public string KeyId { get; }
    public string Nonce { get; }
    public DateTimeOffset Expires { get; }
    public string Base { get; }

    public static RequestSignature Read(HttpMessageParts request, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var inputHeader = Single(request, "signature-input");
        var signatureHeader = Single(request, "signature");
        var inputs = Parse(inputHeader, "Signature-Input");
        var signatures = Parse(signatureHeader, "Signature");
        if (inputs.Count != 1)
            throw new SignatureRefusedException("Send exactly one signature (one member in Signature-Input).");
        var (label, member) = inputs[0];
        if (member is not SfInnerList covered)
            throw new SignatureRefusedException("Signature-Input's member is not a list of covered components.");
        if (signatures.LastOrDefault(s => s.Key == label).Value is not SfItem { Value: byte[] signature })
            throw new SignatureRefusedException($"Signature has no byte sequence labelled \"{label}\".");

        var names = covered.Items.Select(i => i.Value as string).ToHashSet(StringComparer.Ordinal);
        var required = body.Length > 0 ? [.. RequiredComponents, "content-digest"] : RequiredComponents;
        var missing = required.Where(r => !names.Contains(r)).ToList();
        if (missing.Count > 0)
            throw new SignatureRefusedException($"The signature must cover {string.Join(", ", missing.Select(m => $"\"{m}\""))}.");

        if (covered.Parameter("alg") is not string alg || alg != Algorithm)
            throw new SignatureRefusedException($"The signature's alg must be \"{Algorithm}\".");
        if (covered.Parameter("keyid") is not string keyId || keyId.Length is 0 or > 128)
            throw new SignatureRefusedException("The signature needs a keyid: the id of an approved signing key.");
        if (covered.Parameter("nonce") is not string nonce || nonce.Length is < 16 or > 128)
            throw new SignatureRefusedException("The signature needs a nonce of 16 to 128 characters, new for each request.");
        if (covered.Parameter("created") is not long createdSeconds || covered.Parameter("expires") is not long expiresSeconds)
            throw new SignatureRefusedException("The signature needs created and expires (integer seconds since 1970).");

        var created = UnixTime(createdSeconds, "created");
        var expires = UnixTime(expiresSeconds, "expires");
        if (expires <= created || expires - created > MaxValidity)
            throw new SignatureRefusedException($"A signature may be valid for at most {MaxValidity.TotalMinutes:0} minutes after it was created.");
        if (created > now + ClockSkew)
            throw new SignatureRefusedException("The signature was created in the future: check the signer's clock.");
        if (expires < now - ClockSkew)
            throw new SignatureRefusedException("The signature has expired: sign the request again.");

        if (body.Length > 0) ContentDigest.Verify(Joined(request, "content-digest"), body);
        return new RequestSignature(keyId, nonce, expires, SignatureBase.Build(request, covered), signature);
    }

    public void Verify(SigningPublicKey key)
    {
        if (!key.Verify(Base, _signature))
            throw new SignatureRefusedException("The signature does not verify with the key it names: the request was changed after signing, or signed with another key.");
    }

    // DateTimeOffset ends with the year 9999: a value past it (or before 1970) is a malformed signature, not a bug of ours.
    private static DateTimeOffset UnixTime(long seconds, string name) =>
        seconds is >= 0 and <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : throw new SignatureRefusedException($"The signature's {name} ({seconds}) is not a time: send integer seconds since 1970, as now.");

    private const long MaxUnixSeconds = 253_402_300_799;

    private static string Single(HttpMessageParts request, string name) =>
        Joined(request, name) ?? throw new SignatureRefusedException(
            "the request is not signed (it has no Signature-Input and Signature headers).", unsigned: true);

    private static string? Joined(HttpMessageParts request, string name) =>
        request.Header(name) is { Count: > 0 } lines ? string.Join(", ", lines) : null;

    private static IReadOnlyList<KeyValuePair<string, object>> Parse(string header, string name)
    {
        try
        {
            return StructuredFields.ParseDictionary(header);
        }
        catch (StructuredFieldException e)
        {
            throw new SignatureRefusedException($"{name} is not a structured dictionary (RFC 8941): {e.Message}");
        }
    }
}

using Tenancy.Core.Common;

namespace Tenancy.Core.Signatures;

/// <summary>A request's signature is missing, malformed, outside the profile or does not verify; the message says which.</summary>
public sealed class SignatureRefusedException(string message, bool unsigned = false) : TenancyException(message)
{
    /// <summary>The request carries no signature at all (rather than a wrong one).</summary>
    public bool Unsigned { get; } = unsigned;
}

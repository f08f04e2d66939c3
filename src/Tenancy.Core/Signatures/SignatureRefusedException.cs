using Tenancy.Core.Common;

namespace Tenancy.Core.Signatures;

/// <summary>A request's signature is missing, malformed, outside the profile or does not verify; the message says which.</summary>
public sealed class SignatureRefusedException(string message) : TenancyException(message);

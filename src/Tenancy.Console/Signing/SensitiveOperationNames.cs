using Tenancy.Core.Signatures;

namespace Tenancy.WebConsole.Signing;

/// <summary>The resource key naming each sensitive operation in the confirmation dialog ("creating a device group").</summary>
public static class SensitiveOperationNames
{
    public static string Key(SensitiveOperation operation) => "Sensitive" + operation;
}

using Microsoft.Extensions.Localization;
using Tenancy.WebConsole.Resources;

namespace Tenancy.WebConsole.Audit;

/// <summary>
/// The audit log's codes in the reader's language: actions (<c>tenant.created</c>), target types, snapshot field names
/// (<c>deviceGroupIds</c>) and the coded values of a few fields (<c>origin: console</c>). A code the console does not
/// know yet (a newer server) shows as it is rather than not at all.
/// </summary>
public sealed class AuditWords(IStringLocalizer<Strings> text)
{
    public const string ActionPrefix = "AuditAct.";
    public const string TargetPrefix = "AuditType.";
    public const string FieldPrefix = "AuditField.";
    public const string ValuePrefix = "AuditValue.";

    /// <summary>Fields whose values are codes rather than people's words.</summary>
    public static readonly IReadOnlySet<string> CodedFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "origin", "role", "scope", "status", "devices",
    };

    public string Action(string action) => Or(ActionPrefix + action, action);

    public string Target(string targetType) => Or(TargetPrefix + targetType, targetType);

    public string Field(string field) => Or(FieldPrefix + field, field);

    /// <summary>A value as shown: yes/no for booleans, words for the codes of <see cref="CodedFields"/>, else as it is.</summary>
    public string Value(string field, string value) => value switch
    {
        "true" or "false" => Or(ValuePrefix + value, value),
        _ when CodedFields.Contains(field) => Or($"{ValuePrefix}{field}.{value}", value),
        _ => value,
    };

    private string Or(string key, string code)
    {
        var found = text[key];
        return found.ResourceNotFound ? code : found.Value;
    }
}

namespace Tenancy.Core.Common;

/// <summary>Collects field-level validation messages, keyed by JSON path (e.g. <c>contacts[0].email</c>).</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
    }

    public void AddRange(FieldErrors other)
    {
        foreach (var (field, messages) in other._errors)
            foreach (var message in messages)
                Add(field, message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationException(ToDictionary());
    }
}

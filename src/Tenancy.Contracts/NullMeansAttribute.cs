namespace Tenancy.Http.OpenApi;

/// <summary>
/// Marks a request-body property whose <c>null</c> has a meaning of its own, so the document allows null there.
/// Elsewhere in request bodies null is not documented: generated clients then leave unset fields out.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NullMeansAttribute(string meaning) : Attribute
{
    public string Meaning { get; } = meaning;
}

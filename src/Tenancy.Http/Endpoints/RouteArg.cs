using Microsoft.AspNetCore.Http;
using Tenancy.Core.Common;

namespace Tenancy.Http.Endpoints;

/// <summary>
/// A value taken from the request path. Both hosts hand route values to the handlers as arguments, so the handlers
/// name them here and <see cref="ApiEndpoint"/> checks them before anything runs: a <c>.</c> or <c>..</c> segment
/// (encoded or not) would otherwise walk the route up (<c>…/domains/%2E%2E</c> reaching the tenant itself), and an
/// id that has not the shape of our ids cannot name anything (404 before any lookup).
/// </summary>
public sealed record RouteArg(string Name, string? Value, bool IsId)
{
    /// <summary>An id this service issues (<c>ten_…</c>, <c>con_…</c>, <c>grp_…</c>, <c>imp_…</c>).</summary>
    public static RouteArg Id(string name, string? value) => new(name, value, IsId: true);

    /// <summary>A value chosen by someone else (a domain, a ticket id): any text but a dot segment or a slash.</summary>
    public static RouteArg Text(string name, string? value) => new(name, value, IsId: false);

    internal static void Check(HttpRequest request, IReadOnlyList<RouteArg> route)
    {
        if (DotSegments.In(request)) throw DotSegments.Problem();

        var errors = new FieldErrors();
        foreach (var arg in route)
        {
            var value = arg.Value ?? "";
            // API.md: an id that cannot exist is not found, like one that does not; the detail says why.
            if (arg.IsId && !Ids.LooksValid(value))
                throw new NotFoundException($"{arg.Name} '{(value.Length > 64 ? value[..64] + "…" : value)}' is not an id this service issues (letters, digits, '_' and '-', 3 to 64 characters).");
            if (!arg.IsId && (value.Trim() is "." or ".." or "" || value.IndexOfAny(['/', '\\']) >= 0 || value.Any(char.IsControl)))
                errors.Add(arg.Name, "Must not be empty, '.', '..', or contain slashes or control characters.");
        }
        errors.ThrowIfAny();
    }
}

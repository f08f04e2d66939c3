using Microsoft.AspNetCore.Http;
using Tenancy.Core.Common;
using Tenancy.Core.Common.Messages;

namespace Tenancy.Http.Endpoints;

/// <summary>Reads query-string arguments with clear errors.</summary>
public static class QueryArgs
{
    public static PageRequest Page(HttpRequest request)
    {
        var size = PageRequest.DefaultSize;
        var raw = request.Query["pageSize"].ToString();
        if (raw.Length > 0 && (!int.TryParse(raw, out size) || size < 1 || size > PageRequest.MaxSize))
            throw ValidationException.For("pageSize", ApiMessages.PageSize.Text(PageRequest.MaxSize));
        var token = request.Query["continuationToken"].ToString();
        return new PageRequest(size, token.Length == 0 ? null : token);
    }

    public static string? String(HttpRequest request, string name, int maxLength = 256)
    {
        var value = request.Query[name].ToString();
        if (value.Length > maxLength) throw ValidationException.For(name, $"Must be at most {maxLength} characters.");
        return value.Length == 0 ? null : value;
    }

    public static bool Bool(HttpRequest request, string name, bool defaultValue = false)
    {
        var value = request.Query[name].ToString();
        if (value.Length == 0) return defaultValue;
        return bool.TryParse(value, out var result) ? result : throw ValidationException.For(name, "Must be true or false.");
    }

    /// <summary>A moment in ISO 8601 (<c>at=2026-03-02T09:15:00Z</c>); a time without an offset is read as UTC.</summary>
    public static DateTimeOffset? Moment(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        if (value.Length == 0) return null;
        return value.Length <= 64 && DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var moment)
            ? moment
            : throw ValidationException.For(name, "Must be a moment in ISO 8601, e.g. 2026-03-02T09:15:00Z.");
    }
}

namespace Tenancy.Local;

/// <summary>
/// A 405's <c>Allow</c> names only methods the path answers: routing lists <c>HEAD</c> for the console's files and
/// pages, but the API and the page routes answer GET only, so <c>HEAD</c> is never offered.
/// </summary>
public static class AllowedMethods
{
    public static void UseAllowWithoutHead(this WebApplication app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.Headers.Allow.Count > 0)
                context.Response.Headers.Allow = Without(context.Response.Headers.Allow.ToString(), HttpMethods.Head);
            return Task.CompletedTask;
        });
        return next(context);
    });

    public static string Without(string allow, string method) =>
        string.Join(", ", allow.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(m => !string.Equals(m, method, StringComparison.OrdinalIgnoreCase)));
}

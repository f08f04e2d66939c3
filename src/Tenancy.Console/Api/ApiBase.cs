namespace Tenancy.WebConsole.Api;

/// <summary>
/// Where the API is: the same origin as the console when it is served by the local host (configuration
/// empty), the Function App's URL when it is a Static Web App (wwwroot/appsettings.json, written at deploy).
/// </summary>
public sealed record ApiBase(Uri Uri)
{
    public static Uri From(string? configured, string consoleBase) =>
        string.IsNullOrWhiteSpace(configured) ? new Uri(consoleBase) : new Uri(configured.TrimEnd('/') + "/");

    /// <summary>An absolute URL for an API path such as <c>api/tenants</c>.</summary>
    public string Url(string relative) => new Uri(Uri, relative).ToString();
}

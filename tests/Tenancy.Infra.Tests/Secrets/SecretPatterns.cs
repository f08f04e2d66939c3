using System.Text.RegularExpressions;

namespace Tenancy.Infra.Tests.Secrets;

/// <summary>Text that means a key, password, SAS or key-bearing connection string is written down.</summary>
public static class SecretPatterns
{
    private static readonly (string Name, Regex Pattern)[] Patterns =
    [
        ("storage account key", Rx(@"AccountKey\s*=")),
        ("storage connection string", Rx(@"DefaultEndpointsProtocol\s*=")),
        ("Service Bus / Event Hubs SAS key", Rx(@"SharedAccessKey")),
        ("shared access signature", Rx(@"SharedAccessSignature|[?&]sig=")),
        ("key listing function", Rx(@"\blist(Keys|ConnectionStrings|AccountSas|ServiceSas|Secrets)\s*\(")),
        ("Application Insights instrumentation key", Rx(@"InstrumentationKey\s*=")),
        ("connection string with a key", Rx(@"connectionString[^\r\n]*(Key|Secret|Password)\s*=")),
        ("password", Rx(@"password")),
        ("client secret", Rx(@"client_?secret")),
    ];

    public static IEnumerable<string> Find(string text) =>
        from p in Patterns
        from Match m in p.Pattern.Matches(text)
        select $"{p.Name}: '{m.Value}' at line {LineOf(text, m.Index)}";

    private static Regex Rx(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static int LineOf(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;
}

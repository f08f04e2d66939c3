using System.Text.RegularExpressions;

namespace Tenancy.Infra.Tests.Docs;

/// <summary>
/// The documents say what is, for people who clone the repository: nothing points at files beside it, and nothing reads
/// as the log of how it was written (numbered work sessions, helpers, branches, the short commit ids of its own history).
/// Words such as "session" stay free for the product's sign-in session; only these patterns are refused.
/// </summary>
public partial class DevelopmentLogTests
{
    public static TheoryData<string> Files => MarkdownFiles.Names();

    [Theory]
    [MemberData(nameof(Files))]
    public void No_Markdown_file_refers_to_files_beside_the_repository(string file) =>
        Assert.DoesNotContain("../shared", RepositoryRoot.ReadAllText(file));

    [Theory]
    [MemberData(nameof(Files))]
    public void No_Markdown_file_reads_as_a_development_log(string file) =>
        Assert.Empty(DevelopmentLogPhrases(RepositoryRoot.ReadAllText(file)));

    [Theory]
    [InlineData("Session 3 (export branch), load average 15–40")]
    [InlineData("other helpers' builds and benchmarks")]
    [InlineData("before is commit `404bb6d`, after this design")]
    [InlineData("measured by its helper run")]
    [InlineData("Session 4 (routing-perf branch): tickets in batches")]
    [InlineData("each run of the routing-perf branch right after a run of main")]
    public void A_development_log_phrase_is_found(string text) =>
        Assert.NotEmpty(DevelopmentLogPhrases(text));

    [Theory]
    [InlineData("The key is kept in `sessionStorage`: closing the tab ends the session.")]
    [InlineData("a sign-in session of eight hours; an editing session keeps the tenant's ETag")]
    [InlineData("publicsuffix/list commit 70df5fb64d3337f49a1cb5e2e9d3bf3aa7a20f0f (2024-11-28), the upstream data")]
    [InlineData("nonce=\"5f1c0d9e8a7b6c5d4e3f2a1b0c9d8e7f\";keyid=\"sk_0197a3c2f1d7804e2f6c8d0e2a4c6b8f\"")]
    public void Product_words_and_upstream_sources_are_not_a_development_log(string text) =>
        Assert.Empty(DevelopmentLogPhrases(text));

    private static IEnumerable<string> DevelopmentLogPhrases(string markdown) =>
        DevelopmentLog().Matches(markdown).Select(m => m.Value);

    // A numbered session, a helper (the word is not the product's), a named branch ("(export branch)", "the routing-perf branch"), or one of the repository's own
    // short commit ids quoted as code (upstream sources name theirs in full, in prose).
    [GeneratedRegex(@"\bsession \d+\b|\bhelpers?\b|\([\w-]+ branch\)|\b\w+-[\w-]+ branch\b|`(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,12}`",
        RegexOptions.IgnoreCase)]
    private static partial Regex DevelopmentLog();
}

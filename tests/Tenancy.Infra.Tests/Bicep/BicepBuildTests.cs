using Tenancy.Infra.Tests.Support;

namespace Tenancy.Infra.Tests.Bicep;

public class BicepBuildTests
{
    [Fact]
    public void Main_template_builds_without_errors_or_warnings()
    {
        var result = MainTemplate.Build;

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Diagnostics.Count == 0, result.ToString());
        Assert.StartsWith("{", result.StandardOutput.TrimStart());
    }

    public static TheoryData<string> BicepFiles()
    {
        var infra = RepositoryRoot.Combine("infra");
        var files = Directory.EnumerateFiles(infra, "*.bicep", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Bicep_file_lints_without_errors_or_warnings(string file)
    {
        var result = BicepCli.Run("lint", file);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Diagnostics.Count == 0, result.ToString());
    }

    [Fact]
    public void Template_uses_no_registry_modules()
    {
        // Registry modules (br:, br/public:, ts:) need the network at build time; these machines have none.
        var offenders = Directory.EnumerateFiles(RepositoryRoot.Combine("infra"), "*.bicep", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Any(line =>
                line.Contains("'br:", StringComparison.Ordinal) ||
                line.Contains("'br/", StringComparison.Ordinal) ||
                line.Contains("'ts:", StringComparison.Ordinal) ||
                line.Contains("'ts/", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }
}

using Tenancy.Local;
using Tenancy.Local.Azurite;
using Tenancy.TestSupport;

namespace Tenancy.Storage.Tests.Azurite;

/// <summary>An install without the repository's patches (made before them, or with scripts off) is told apart, so that it is patched.</summary>
public sealed class NpmPatchesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "npm-patches-" + Guid.NewGuid().ToString("N"));

    public NpmPatchesTests() => Directory.CreateDirectory(Path.Combine(_root, "node_modules", "tool"));

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Patch() =>
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "patches")).FullName, "tool+1.0.0.patch"), """
            diff --git a/node_modules/tool/index.js b/node_modules/tool/index.js
            index 1111111..2222222 100644
            --- a/node_modules/tool/index.js
            +++ b/node_modules/tool/index.js
            @@ -1,2 +1,3 @@
             const a = 1;
            +const patched = true;
             module.exports = a;
            """);

    private void Install(string text) => File.WriteAllText(Path.Combine(_root, "node_modules", "tool", "index.js"), text);

    [Fact]
    public void An_install_without_a_patch_is_not_patched()
    {
        Patch();
        Install("const a = 1;\nmodule.exports = a;\n");

        Assert.False(NpmPatches.Applied(_root));
    }

    [Fact]
    public void An_install_with_the_patch_is_patched()
    {
        Patch();
        Install("const a = 1;\nconst patched = true;\nmodule.exports = a;\n");

        Assert.True(NpmPatches.Applied(_root));
    }

    [Fact]
    public void A_patched_package_that_is_not_installed_is_not_patched()
    {
        Patch();

        Assert.False(NpmPatches.Applied(_root));
    }

    [Fact]
    public void Without_patches_there_is_nothing_to_apply() => Assert.True(NpmPatches.Applied(_root));
}

/// <summary>The Azurite the tests and the local host start carries the repository's patch.</summary>
[Collection(AzuriteCollection.Name)]
public class InstalledAzuriteTests(AzuriteFixture azurite)
{
    [Fact]
    public void The_started_Azurite_is_the_patched_one()
    {
        Assert.NotNull(azurite.ConnectionString);
        Assert.True(NpmPatches.Applied(RepositoryRoot.Path));
    }
}

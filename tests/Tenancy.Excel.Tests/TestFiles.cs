namespace Tenancy.Excel.Tests;

/// <summary>The committed test files, copied next to the test assembly.</summary>
internal static class TestFiles
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(Path(parts));
}

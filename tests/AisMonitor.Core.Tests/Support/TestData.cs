namespace AisMonitor.Core.Tests.Support;

/// <summary>Locates the repository's data folders (tests/data, sample-tracks) from the test binaries.</summary>
public static class TestData
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(Path.Combine(directory.FullName, "AisMonitor.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AisMonitor.sln not found above " + AppContext.BaseDirectory);
    });

    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>A file under tests/data.</summary>
    public static string File(params string[] parts) => Path.Combine([RepositoryRoot, "tests", "data", .. parts]);

    /// <summary>A file under sample-tracks.</summary>
    public static string SampleTrack(params string[] parts) => Path.Combine([RepositoryRoot, "sample-tracks", .. parts]);
}

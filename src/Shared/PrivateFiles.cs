namespace AisMonitor;

//
// Files and folders that hold intelligence (alerts, port calls, the spool, sort spills, the data
// folder) are created for their owner only: files 0600, folders 0700 (on Unix; Windows keeps its ACLs).
// One source file compiled into each project that writes such files (Core writes none). Plain
// comments, not documentation comments: one member documented in three assemblies' XML files
// breaks the OpenAPI generator's reading of them (a duplicate key).
//
internal static class PrivateFiles
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    // <summary>Opens or creates a file; a file it creates is readable by its owner only.</summary>
    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share = FileShare.Read, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = share, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows() && mode != FileMode.Open && mode != FileMode.Truncate)
        {
            options.UnixCreateMode = OwnerFile;
        }

        return new FileStream(path, options);
    }

    // <summary>Creates a folder (and its missing parents) that only its owner can enter; an existing one is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, OwnerFolder);
    }
}

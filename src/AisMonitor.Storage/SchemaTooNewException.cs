namespace AisMonitor.Storage;

/// <summary>The database was migrated by a later AisMonitor: this version does not know its schema and must not write to it.</summary>
public sealed class SchemaTooNewException : Exception
{
    /// <summary>Names the database's version and the newest this code knows.</summary>
    public SchemaTooNewException(int databaseVersion, int knownVersion)
        : base($"the database's schema is at version {databaseVersion}, newer than this AisMonitor knows (up to {knownVersion}): run the AisMonitor that migrated it, or point this one at another database")
    {
        DatabaseVersion = databaseVersion;
        KnownVersion = knownVersion;
    }

    /// <summary>Required by the exception pattern.</summary>
    public SchemaTooNewException()
    {
    }

    /// <summary>Required by the exception pattern.</summary>
    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    /// <summary>Required by the exception pattern.</summary>
    public SchemaTooNewException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The highest version recorded in <c>schema_migration</c>.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest migration built into this version.</summary>
    public int KnownVersion { get; }
}

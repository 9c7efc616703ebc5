namespace NonprofitPortal.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts. Turn off when a deployment step migrates instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

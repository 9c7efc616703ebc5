namespace NonprofitPortal.Features.Media;

/// <summary>Uploaded files: how big, and where their bytes are kept (<c>Media:*</c>).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    public long MaxImageBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Database (the default: a backup of the database holds the files too) or FileSystem.</summary>
    public MediaStorage Storage { get; set; } = MediaStorage.Database;

    /// <summary>Where FileSystem storage keeps the files, relative to the content root unless absolute.</summary>
    public string Directory { get; set; } = "media";
}

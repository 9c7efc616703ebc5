namespace NonprofitPortal.Features.Media;

/// <summary>
/// An uploaded image: what it is and who uploaded it. Its bytes are in the configured
/// <see cref="Storage.IMediaStore"/>; it is served to anyone at <c>/media/{Id}/{Name}</c>.
/// </summary>
public sealed class MediaFile
{
    public long Id { get; set; }

    /// <summary>Safe in a URL and a header (<see cref="MediaRules.FileName"/>), with the extension of its real type.</summary>
    public string Name { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Bytes { get; set; }

    public string? UploadedById { get; set; }

    public string UploadedBy { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }
}

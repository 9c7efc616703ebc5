namespace NonprofitPortal.Features.Media.Storage;

/// <summary>A file's bytes in the database, apart from its <see cref="MediaFile"/> so that lists never load them.</summary>
public sealed class MediaContent
{
    public long MediaFileId { get; set; }

    public byte[] Data { get; set; } = [];
}

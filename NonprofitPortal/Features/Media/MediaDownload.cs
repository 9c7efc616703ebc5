namespace NonprofitPortal.Features.Media;

/// <summary>A file to serve: its bytes and what they are.</summary>
public sealed record MediaDownload(string Name, string ContentType, DateTimeOffset UploadedAt, byte[] Content);

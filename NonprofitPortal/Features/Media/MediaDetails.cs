namespace NonprofitPortal.Features.Media;

/// <summary>An uploaded file as pages and the API show it, with the absolute address mail uses.</summary>
public sealed record MediaDetails(long Id, string Name, string ContentType, long Bytes, string UploadedBy, DateTimeOffset UploadedAt, string Url);

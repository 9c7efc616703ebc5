namespace NonprofitPortal.Features.Media.Api;

public sealed record MediaResponse(long Id, string Name, string ContentType, long Bytes, string Url, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static MediaResponse From(MediaDetails file) => new(file.Id, file.Name, file.ContentType, file.Bytes, file.Url, file.UploadedBy, file.UploadedAt);
}

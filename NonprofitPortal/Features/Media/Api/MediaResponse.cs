using NonprofitPortal.Features.Operations.ApiDocs;

namespace NonprofitPortal.Features.Media.Api;

public sealed record MediaResponse(long Id, string Name, string ContentType, long Bytes, string Url, string UploadedBy, DateTimeOffset UploadedAt) : IApiExample<MediaResponse>
{
    public static MediaResponse Example => new(57, "logo.png", "image/png", 18342, "https://portal.foundation.example/media/57/logo.png", "grants@foundation.example", new DateTimeOffset(2026, 2, 14, 11, 0, 0, TimeSpan.Zero));

    public static MediaResponse From(MediaDetails file) => new(file.Id, file.Name, file.ContentType, file.Bytes, file.Url, file.UploadedBy, file.UploadedAt);
}

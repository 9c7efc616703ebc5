namespace NonprofitPortal.Features.Media;

/// <summary>
/// What an uploaded file is, read from its first bytes (the signatures of PNG, JPEG, GIF and
/// WebP), never from its name or the type the browser claims: a page renamed to <c>.png</c> is
/// no image, and SVG, which can carry script, has no signature here at all.
/// </summary>
public static class ImageFormats
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Gif = "image/gif";
    public const string WebP = "image/webp";

    /// <summary>What the file chooser offers; the content decides all the same.</summary>
    public const string Accept = "image/png,image/jpeg,image/gif,image/webp";

    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];

    /// <returns>The image's content type, or null when the bytes are none of the four formats.</returns>
    public static string? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(PngSignature) ? Png
        : content.StartsWith(JpegSignature) ? Jpeg
        : content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8) ? Gif
        : content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8) ? WebP
        : null;

    public static string Extension(string contentType) => contentType switch
    {
        Png => ".png",
        Jpeg => ".jpg",
        Gif => ".gif",
        WebP => ".webp",
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not an image type the media library keeps."),
    };
}

namespace NonprofitPortal.Tests.Features.Media;

/// <summary>Real files made by chromium (canvas images, a printed PDF), a GIF, a zip-built .xlsx, an SVG with a script and a page named .png, copied beside the tests.</summary>
public static class MediaSamples
{
    public const string Png = "logo.png";
    public const string Jpeg = "photo.jpg";
    public const string Gif = "dot.gif";
    public const string WebP = "banner.webp";
    public const string Svg = "script.svg";
    public const string PageNamedAsImage = "page-named-as-image.png";
    public const string Pdf = "guidelines.pdf";
    public const string Xlsx = "budget.xlsx";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Features", "Media", "Samples", name);

    public static byte[] Read(string name) => File.ReadAllBytes(PathOf(name));
}

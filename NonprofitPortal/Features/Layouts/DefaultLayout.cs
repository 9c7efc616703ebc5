namespace NonprofitPortal.Features.Layouts;

/// <summary>
/// The layout a new installation starts with (DefaultLayout.html, embedded): table-based for the
/// mail clients that need it, one 600 px column that narrows on phones, styles inlined at launch
/// (the media queries for phones and dark mode stay in its style sheet), and the footer that
/// bulk-mail rules ask for: a visible unsubscribe link and the foundation's postal address.
/// </summary>
public static class DefaultLayout
{
    public const string Name = "Foundation standard";

    public static string Html { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(DefaultLayout).Assembly.GetManifestResourceStream("NonprofitPortal.Features.Layouts.DefaultLayout.html")
            ?? throw new InvalidOperationException("DefaultLayout.html is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}

using MudBlazor;

namespace NonprofitPortal.Components.Layout;

internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2E5E4E",
            Secondary = "#B5651D",
            AppbarBackground = "#2E5E4E",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7FC8A9",
            Secondary = "#E0A96D",
        },
    };
}

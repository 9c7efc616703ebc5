using MudBlazor;

namespace NonprofitPortal.Components.Layout;

/// <summary>
/// The app's colours. Every text colour has at least 4.5:1 contrast on what it stands on (WCAG AA,
/// checked by axe in AccessibilityTests): MudBlazor's defaults for success, warning and secondary
/// text do not, nor white text on the dark theme's light primary and secondary colours.
/// </summary>
internal static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2E5E4E",
            Secondary = "#9A5418",
            AppbarBackground = "#2E5E4E",
            Success = "#2E7D32",
            WarningDarken = "#8A5000",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7FC8A9",
            PrimaryContrastText = "#0B1F17",
            Secondary = "#E0A96D",
            SecondaryContrastText = "#2A1A08",
            Success = "#66BB6A",
            SuccessContrastText = "#0B1F0C",
            WarningDarken = "#FFB74D",
            TextSecondary = "#BDBDC2",
        },
    };
}

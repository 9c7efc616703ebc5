namespace NonprofitPortal.Components.Editing;

/// <summary>Which addresses a link, a button or an image may have in an email.</summary>
public static class EditorAddresses
{
    private static readonly string[] LinkSchemes = ["https://", "http://", "mailto:", "tel:"];

    public static string? LinkProblem(string? address) =>
        string.IsNullOrWhiteSpace(address) ? "Enter the address the link goes to."
        : IsTemplateCode(address) || LinkSchemes.Any(scheme => address.Trim().StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) ? null
        : "Start the address with https://, http://, mailto: or tel:, or use a variable such as {{ unsubscribe_url }}.";

    public static string? ImageProblem(string? address) =>
        string.IsNullOrWhiteSpace(address) ? "Enter the image's address."
        : IsTemplateCode(address) || address.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) || address.Trim().StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? null
        : "Start the image's address with https:// (mail clients load images from the web).";

    private static bool IsTemplateCode(string address) => address.Contains("{{", StringComparison.Ordinal);
}

using System.Text;

namespace NonprofitPortal.Features.Media;

/// <summary>Whether an upload is kept, under which name, and whether a file may be deleted.</summary>
public static class MediaRules
{
    public const int MaxNameLength = 200;

    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase) { ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg" };

    /// <summary>The upload's problem in words, or null with the content type it really has.</summary>
    /// <param name="content">The file, or its first <paramref name="maxBytes"/> + 1 bytes when it is longer.</param>
    public static (string? ContentType, string? Problem) CheckImage(ReadOnlySpan<byte> content, long maxBytes)
    {
        if (content.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (content.Length > maxBytes)
        {
            return (null, $"The image is larger than {Size(maxBytes)}, the most an image may be (Media:MaxImageBytes). Make it smaller and upload it again.");
        }

        return ImageFormats.Detect(content) is { } contentType
            ? (contentType, null)
            : (null, "Only PNG, JPEG, GIF and WebP images can be uploaded (judged by the file's content, not its name). SVG is refused, as it can carry script: save it as PNG.");
    }

    /// <summary>
    /// An upload's real type, or why it is refused: an image (by its content) up to
    /// <paramref name="maxImageBytes"/>, or a document a draft may attach up to <paramref name="maxAttachmentBytes"/>.
    /// </summary>
    /// <param name="content">The file, or its first bytes up to one more than the larger limit.</param>
    public static (string? ContentType, string? Problem) CheckUpload(string? fileName, byte[] content, long maxImageBytes, long maxAttachmentBytes)
    {
        // A file named as an image is judged as one, so that the refusal speaks of images.
        if (content.Length == 0 || ImageFormats.Detect(content) is not null || ImageExtensions.Contains(Path.GetExtension(fileName ?? "")))
        {
            return CheckImage(content, maxImageBytes);
        }

        return content.Length > maxAttachmentBytes
            ? (null, $"The file is larger than {Size(maxAttachmentBytes)}, the most a draft's attachments may be in all (Campaigns:MaxAttachmentBytes).")
            : AttachmentTypes.Check(fileName, content);
    }

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);

    /// <summary>
    /// A name safe in a URL path and a header: letters, digits, dots, dashes and underscores,
    /// ending in the extension of the type the content really has.
    /// </summary>
    public static string FileName(string? uploadedName, string contentType)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName((uploadedName ?? "").Replace('\\', '/')));
        var safe = new StringBuilder(stem.Length);
        foreach (var character in stem.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.')
            {
                safe.Append(char.ToLowerInvariant(character));
            }
            else if ((char.IsWhiteSpace(character) || character is '+' or ',' or '(' or ')') && safe is not [.., '-'])
            {
                safe.Append('-');
            }
        }

        var cleaned = safe.ToString().Trim('-', '.');
        var extension = IsImage(contentType) ? ImageFormats.Extension(contentType) : AttachmentTypes.Extension(contentType);
        var limit = MaxNameLength - extension.Length;
        return (cleaned.Length == 0 ? (IsImage(contentType) ? "image" : "file") : cleaned[..Math.Min(cleaned.Length, limit)]) + extension;
    }

    /// <summary>Sent mail keeps pointing at its images: a file a campaign uses stays.</summary>
    public static string? DeleteProblem(MediaUsage usage) =>
        usage.Campaigns > 0
            ? $"Campaigns already sent show this file ({usage.Campaigns:N0}); it is kept so that their messages keep their images."
            : null;

    /// <summary>What deleting does to the drafts, layouts and templates that use the file, in words (empty when none do).</summary>
    public static string DeleteWarning(MediaUsage usage)
    {
        string[] users = [.. new[] { (usage.Drafts, "draft"), (usage.Layouts, "layout"), (usage.Templates, "template") }
            .Where(user => user.Item1 > 0).Select(user => Count(user.Item1, user.Item2))];
        return users.Length == 0
            ? ""
            : $" {string.Join(", ", users[..^1])}{(users.Length > 1 ? " and " : "")}{users[^1]} {(usage.Drafts + usage.Layouts + usage.Templates == 1 ? "uses" : "use")} it: where it is an image it shows broken until it is taken out, where it is attached it is dropped.";
    }

    /// <summary>What a page or a message links to: its path under the public address.</summary>
    public static string RelativeUrl(long id, string name) => $"media/{id}/{name}";

    /// <summary>The text a campaign's frozen body holds where it shows the file (any host, any name).</summary>
    public static string Marker(long id) => $"/media/{id}/";

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count:N0} {noun}s";

    public static string Size(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : bytes >= 1024 ? $"{bytes / 1024.0:0} KB"
        : $"{bytes} bytes";
}

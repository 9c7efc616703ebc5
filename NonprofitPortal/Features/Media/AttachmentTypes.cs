namespace NonprofitPortal.Features.Media;

/// <summary>
/// The files a draft may attach besides images: documents, known by their extension and checked
/// against their content (a PDF starts with <c>%PDF-</c>, Office and OpenDocument files are
/// zip archives). Programs, scripts, macro-enabled documents and anything else are refused: a
/// recipient's computer should not be one click from running what we send.
/// </summary>
public static class AttachmentTypes
{
    private static readonly Dictionary<string, (string ContentType, Func<byte[], bool> Looks)> Documents = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", content => content.AsSpan().StartsWith("%PDF-"u8)),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", IsZip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", IsZip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", IsZip),
        [".odt"] = ("application/vnd.oasis.opendocument.text", IsZip),
        [".ods"] = ("application/vnd.oasis.opendocument.spreadsheet", IsZip),
        [".odp"] = ("application/vnd.oasis.opendocument.presentation", IsZip),
        [".csv"] = ("text/csv", IsText),
        [".txt"] = ("text/plain", IsText),
    };

    private static readonly byte[] ElfSignature = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    public const string Accepted = "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument, CSV, text and PNG, JPEG, GIF or WebP images";

    /// <summary>What the file chooser offers; the content decides all the same.</summary>
    public static string Accept { get; } = string.Join(',', Documents.Keys.Append(ImageFormats.Accept));

    /// <returns>The content type of a document that is what its name says, or why it is refused.</returns>
    public static (string? ContentType, string? Problem) Check(string? fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName ?? "");
        if (IsProgram(content))
        {
            return (null, "Programs cannot be attached: they could harm the recipients' computers.");
        }

        if (!Documents.TryGetValue(extension, out var document))
        {
            var what = extension.Length == 0 ? "Files without an extension" : $"{extension.ToLowerInvariant()} files";
            return (null, $"{what} cannot be attached. Attach {Accepted}.");
        }

        return document.Looks(content)
            ? (document.ContentType, null)
            : (null, $"The file is named {extension.ToLowerInvariant()} but its content is not that kind of file. Save it again from the program that made it.");
    }

    public static string Extension(string contentType) => Documents.First(document => document.Value.ContentType == contentType).Key;

    private static bool IsZip(byte[] content) => content.AsSpan().StartsWith("PK\x03\x04"u8);

    private static bool IsText(byte[] content) => !content.AsSpan(0, Math.Min(content.Length, 8192)).Contains((byte)0);

    // Windows executables (MZ), ELF binaries, scripts with an interpreter line.
    private static bool IsProgram(byte[] content) => content.AsSpan().StartsWith("MZ"u8) || content.AsSpan().StartsWith(ElfSignature) || content.AsSpan().StartsWith("#!"u8);
}

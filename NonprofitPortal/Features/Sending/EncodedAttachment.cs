using MimeKit;
using MimeKit.IO;
using MimeKit.IO.Filters;

namespace NonprofitPortal.Features.Sending;

/// <summary>
/// A campaign's attachment, base64-encoded once when the campaign's content is loaded: every
/// message gets a part over the same encoded bytes, which MimeKit writes as they are (the
/// part's transfer encoding is the content's), so no message encodes it again.
/// </summary>
public sealed class EncodedAttachment
{
    private readonly byte[] _base64;

    private EncodedAttachment(string fileName, string contentType, byte[] base64)
    {
        FileName = fileName;
        ContentType = contentType;
        _base64 = base64;
    }

    public string FileName { get; }

    public string ContentType { get; }

    public static EncodedAttachment Encode(string fileName, string contentType, byte[] content)
    {
        using var encoded = new MemoryStream(content.Length * 4 / 3 + content.Length / 38 + 4);
        using (var filtered = new FilteredStream(encoded))
        {
            filtered.Add(EncoderFilter.Create(ContentEncoding.Base64));
            filtered.Write(content, 0, content.Length);
            filtered.Flush();
        }

        return new EncodedAttachment(fileName, contentType, encoded.ToArray());
    }

    /// <summary><paramref name="body"/> with the attachments after it (multipart/mixed), or the body alone when there are none.</summary>
    public static MimeEntity Around(MimeEntity body, IReadOnlyList<EncodedAttachment> attachments)
    {
        if (attachments.Count == 0)
        {
            return body;
        }

        var mixed = new Multipart("mixed") { body };
        foreach (var attachment in attachments)
        {
            mixed.Add(attachment.Part());
        }

        return mixed;
    }

    private MimePart Part() => new(MimeKit.ContentType.Parse(ContentType))
    {
        Content = new MimeContent(new MemoryStream(_base64, writable: false), ContentEncoding.Base64),
        ContentTransferEncoding = ContentEncoding.Base64,
        ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) { FileName = FileName },
    };
}

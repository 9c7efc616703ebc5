namespace NonprofitPortal.Features.Sending;

/// <summary>
/// Whether a text can go out as it is, 7bit, by the rules MimeKit's <c>BestEncodingFilter</c>
/// applies when MailKit prepares a message: ASCII without NUL, no line over SMTP's 998 characters
/// (a CR before the LF not counted), and no line starting "From " (mbox would mangle it). One pass
/// when the message is made, so MailKit need not scan every part again before sending.
/// </summary>
public static class SevenBitText
{
    /// <summary>SMTP's line limit (RFC 5321), the one MailKit prepares messages for.</summary>
    public const int MaxLineLength = 998;

    public static bool Fits(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var end = text.IndexOf('\n');
            var line = end < 0 ? text : text[..end];
            var length = line.EndsWith('\r') && end >= 0 ? line.Length - 1 : line.Length;
            if (length > MaxLineLength || line.StartsWith("From ", StringComparison.Ordinal) || line.ContainsAnyExceptInRange('\u0001', '\u007f'))
            {
                return false;
            }

            text = end < 0 ? [] : text[(end + 1)..];
        }

        return true;
    }
}

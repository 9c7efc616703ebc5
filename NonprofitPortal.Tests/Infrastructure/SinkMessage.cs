namespace NonprofitPortal.Tests.Infrastructure;

/// <summary>
/// One mail transaction captured by smtp-sink. <see cref="RawMessage"/> is the message as
/// received (dot-unstuffed, LF line endings, MIME not decoded: parse it with MimeKit's
/// MimeMessage.Load when a test needs decoded parts or encoded-word headers).
/// </summary>
public sealed class SinkMessage
{
    public required string FilePath { get; init; }

    /// <summary>When smtp-sink finished writing the dump file.</summary>
    public required DateTimeOffset ArrivedAt { get; init; }

    public required string? HeloName { get; init; }

    /// <summary>MAIL FROM address without angle brackets; empty for the null sender.</summary>
    public required string Sender { get; init; }

    /// <summary>RCPT TO addresses without angle brackets, in the order the client sent them.</summary>
    public required IReadOnlyList<string> Recipients { get; init; }

    public required string RawMessage { get; init; }

    /// <summary>Top-level headers, unfolded, in order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    public required string Body { get; init; }

    public string? Subject => Header("Subject");

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value)
            .FirstOrDefault();

    /// <summary>
    /// Parses a smtp-sink <c>-d</c> dump file: X-Client-Addr / X-Client-Proto / X-Helo-Args /
    /// X-Mail-Args / X-Rcpt-Args lines, a three-line Received header, the message, then one
    /// empty line. Returns null for files that are not a complete transaction.
    /// </summary>
    internal static SinkMessage? TryParse(string path)
    {
        var text = File.ReadAllText(path);
        // A transaction that never got through DATA (e.g. DATA refused) leaves an empty file;
        // a finished one ends with the empty line smtp-sink appends.
        if (!text.EndsWith("\n\n", StringComparison.Ordinal))
        {
            return null;
        }

        string? helo = null;
        string? mailArguments = null;
        var recipients = new List<string>();
        var position = 0;
        while (true)
        {
            var end = text.IndexOf('\n', position);
            var line = text[position..end];
            position = end + 1;
            if (line.StartsWith("Received: ", StringComparison.Ordinal))
            {
                break;
            }

            var separator = line.IndexOf(": ", StringComparison.Ordinal);
            if (separator < 0)
            {
                return null;
            }

            var value = line[(separator + 2)..];
            switch (line[..separator])
            {
                case "X-Helo-Args":
                    helo = value;
                    break;
                case "X-Mail-Args":
                    mailArguments = value;
                    break;
                case "X-Rcpt-Args":
                    recipients.Add(Address(value));
                    break;
            }
        }

        if (mailArguments is null)
        {
            return null;
        }

        while (text[position] == '\t')
        {
            position = text.IndexOf('\n', position) + 1;
        }

        var raw = text[position..^1];
        var (headers, body) = SplitHeaders(raw);
        return new SinkMessage
        {
            FilePath = path,
            ArrivedAt = File.GetLastWriteTimeUtc(path),
            HeloName = helo,
            Sender = Address(mailArguments),
            Recipients = recipients,
            RawMessage = raw,
            Headers = headers,
            Body = body,
        };
    }

    /// <summary>First word of MAIL/RCPT arguments ("&lt;a@b.c&gt; SIZE=10"), brackets removed.</summary>
    private static string Address(string arguments)
    {
        var address = arguments.Split(' ', 2)[0];
        return address.StartsWith('<') && address.EndsWith('>') ? address[1..^1] : address;
    }

    private static (List<KeyValuePair<string, string>> Headers, string Body) SplitHeaders(string raw)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (position < raw.Length && raw[position] != '\n')
        {
            var end = raw.IndexOf('\n', position);
            var line = raw[position..end];
            position = end + 1;
            if (line[0] is ' ' or '\t' && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + line);
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers.Add(new(line[..colon], line[(colon + 1)..].TrimStart()));
            }
        }

        return (headers, position < raw.Length ? raw[(position + 1)..] : "");
    }
}

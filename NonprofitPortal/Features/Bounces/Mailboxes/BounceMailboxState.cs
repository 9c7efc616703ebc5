namespace NonprofitPortal.Features.Bounces.Mailboxes;

/// <summary>What the last poll of one bounce mailbox found, kept in the database so that every node shows it.</summary>
public sealed class BounceMailboxState
{
    public const int MaxNameLength = 100;
    public const int MaxErrorLength = 1000;
    public const int MaxUnparsedLength = 4000;

    /// <summary>The mailbox's <c>Name</c> in configuration.</summary>
    public string Name { get; set; } = "";

    public DateTimeOffset? LastPolledAt { get; set; }

    /// <summary>Why the last poll failed; null when it worked.</summary>
    public string? LastError { get; set; }

    /// <summary>Messages read, recorded and moved or deleted, over all polls.</summary>
    public long Processed { get; set; }

    /// <summary>Messages left in the folder at the last poll because they could not be read as a bounce or complaint.</summary>
    public int Unparsed { get; set; }

    /// <summary>The first of those, one a line: date, sender, subject.</summary>
    public string UnparsedSummary { get; set; } = "";
}

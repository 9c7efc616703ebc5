namespace NonprofitPortal.Features.Bounces;

public enum RecordedFeedback
{
    /// <summary>Stored, counted, and the nonprofit changed if the rules said so.</summary>
    Recorded,

    /// <summary>This report was recorded before (read again after a restart, or sent again by a provider).</summary>
    AlreadyRecorded,

    /// <summary>No message of ours matches it.</summary>
    NotOurs,

    /// <summary>About a copy of our message (a CC address), not the nonprofit's own.</summary>
    AboutACopy,
}

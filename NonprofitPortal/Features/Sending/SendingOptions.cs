using System.ComponentModel.DataAnnotations;

namespace NonprofitPortal.Features.Sending;

/// <summary>How the pending-sends table is drained: batch size, pace, retries and leases.</summary>
public sealed class SendingOptions
{
    public const string Section = "Sending";

    /// <summary>Rows claimed at once; also how many messages a pause or cancel may still let through.</summary>
    [Range(1, 5000, ErrorMessage = "Sending:BatchSize must be between 1 and 5000.")]
    public int BatchSize { get; set; } = 200;

    /// <summary>Connections kept open to the SMTP server when <c>Mail:Smtp:Servers</c> is empty, or pickup writers.</summary>
    [Range(1, 64, ErrorMessage = "Sending:Connections must be between 1 and 64.")]
    public int Connections { get; set; } = 4;

    /// <summary>A cap on messages per second over all servers; 0 means no cap.</summary>
    [Range(0, 100_000, ErrorMessage = "Sending:MessagesPerSecond must be between 0 (no cap) and 100000.")]
    public double MessagesPerSecond { get; set; }

    /// <summary>Attempts before a message that keeps meeting temporary (4xx) errors is marked failed.</summary>
    [Range(1, 100, ErrorMessage = "Sending:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a claimed row belongs to its worker; after that (the worker died) anyone may claim it again.</summary>
    [Range(5, 3600, ErrorMessage = "Sending:LeaseSeconds must be between 5 and 3600.")]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>How often the drain job looks for work it was not told about (retries coming due, other nodes' launches).</summary>
    [Range(0.1, 600, ErrorMessage = "Sending:PollSeconds must be between 0.1 and 600.")]
    public double PollSeconds { get; set; } = 5;

    /// <summary>How often scheduled campaigns that are due are started (by one node of a cluster).</summary>
    [Range(0.1, 600, ErrorMessage = "Sending:ScheduledCheckSeconds must be between 0.1 and 600.")]
    public double ScheduledCheckSeconds { get; set; } = 10;

    /// <summary>The first retry's delay; each further retry doubles it, with jitter, up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    [Range(0.01, 3600, ErrorMessage = "Sending:RetryDelaySeconds must be between 0.01 and 3600.")]
    public double RetryDelaySeconds { get; set; } = 30;

    [Range(0.01, 86_400, ErrorMessage = "Sending:MaxRetryDelaySeconds must be between 0.01 and 86400.")]
    public double MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>How long a server that stopped answering is set aside before it is probed again.</summary>
    [Range(0.5, 86_400, ErrorMessage = "Sending:BreakSeconds must be between 0.5 and 86400.")]
    public double BreakSeconds { get; set; } = 30;

    /// <summary>How long one SMTP command may take before the connection is counted as failed.</summary>
    [Range(1, 600, ErrorMessage = "Sending:SmtpTimeoutSeconds must be between 1 and 600.")]
    public int SmtpTimeoutSeconds { get; set; } = 60;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan Poll => TimeSpan.FromSeconds(PollSeconds);

    public TimeSpan Break => TimeSpan.FromSeconds(BreakSeconds);

    public TimeSpan ScheduledCheck => TimeSpan.FromSeconds(ScheduledCheckSeconds);
}

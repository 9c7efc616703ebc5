namespace NonprofitPortal.Features.Operations;

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>Serve <c>/metrics</c> (Prometheus text format).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When set, scrapers must send <c>Authorization: Bearer &lt;token&gt;</c>; otherwise <c>/metrics</c> is anonymous.</summary>
    public string? ScrapeToken { get; set; }
}

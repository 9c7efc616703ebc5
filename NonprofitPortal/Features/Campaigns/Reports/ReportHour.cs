namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>One hour of a campaign's timeline (UTC, from its start).</summary>
public sealed record ReportHour(DateTimeOffset Hour, int Sent, int Opens, int Clicks, int Bounces);

namespace NonprofitPortal.Features.Campaigns.Reports;

/// <param name="UniqueClicks">Messages from which it was clicked at least once.</param>
public sealed record ReportLink(string Url, int Clicks, int UniqueClicks);

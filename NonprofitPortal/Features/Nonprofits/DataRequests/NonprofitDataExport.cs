namespace NonprofitPortal.Features.Nonprofits.DataRequests;

/// <summary>Everything the portal holds about one nonprofit: what a data request (GDPR article 15) receives.</summary>
public sealed record NonprofitDataExport(
    DateTimeOffset ExportedAt,
    NonprofitDataRecord Record,
    IReadOnlyList<NonprofitDataCampaign> Campaigns,
    IReadOnlyList<NonprofitEvent> Events,
    IReadOnlyList<NonprofitDataAuditEntry> AuditEntries);

namespace NonprofitPortal.Features.Sending.DomainCheck;

/// <summary>How a sender domain is set up for delivery: <c>GET /api/mail/domain-check</c> returns it as it is.</summary>
public sealed record DomainReport(string Domain, RecordCheck Spf, RecordCheck Dkim, RecordCheck Dmarc, RecordCheck ReturnPath);

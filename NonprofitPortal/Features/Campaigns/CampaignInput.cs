using NonprofitPortal.Features.Drafts;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>What to send: a draft's content, or a one-shot send's. Frozen into the campaign at launch.</summary>
public sealed record CampaignInput(string Name, long? DraftId, string SubjectTemplate, string BodyTemplate, RecipientSelection Recipients, IReadOnlyList<string> Cc);

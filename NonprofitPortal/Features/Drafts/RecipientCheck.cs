using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Drafts;

/// <summary>How the templates rendered for one recipient: no errors means it would go out.</summary>
public sealed record RecipientCheck(NonprofitSummary Nonprofit, IReadOnlyList<TemplateError> Errors);

using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Drafts.Api;

/// <summary>Who receives a draft: <c>all</c>, or the <c>ids</c> picked plus those the <c>filter</c> covers.</summary>
public sealed record RecipientsDto(bool All, IReadOnlyList<long>? Ids, RecipientFilterDto? Filter)
{
    public RecipientSelection ToSelection() => new(All, Ids ?? [], new DirectoryFilter(Filter?.Search, Filter?.Domain, Filter?.Tag));

    public static RecipientsDto From(RecipientSelection selection) => new(
        selection.All,
        selection.Ids,
        selection.HasFilter ? new RecipientFilterDto(selection.Filter.Search, selection.Filter.Domain, selection.Filter.Tag) : null);
}

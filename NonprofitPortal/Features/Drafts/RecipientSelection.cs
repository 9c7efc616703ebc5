using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Drafts;

/// <summary>
/// Who receives a draft: everyone, or the nonprofits picked one by one plus those a filter
/// covers. Opted-out nonprofits never receive it.
/// </summary>
public sealed record RecipientSelection(bool All, IReadOnlyList<long> Ids, DirectoryFilter Filter)
{
    public static RecipientSelection None { get; } = new(false, [], DirectoryFilter.All);

    public bool HasFilter => !string.IsNullOrWhiteSpace(Filter.Search) || !string.IsNullOrWhiteSpace(Filter.Domain) || !string.IsNullOrWhiteSpace(Filter.Tag);

    public bool IsEmpty => !All && Ids.Count == 0 && !HasFilter;
}

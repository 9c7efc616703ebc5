namespace NonprofitPortal.Features.Nonprofits;

public static class DirectorySorts
{
    /// <summary>The sort for a grid column, named after the <see cref="NonprofitSummary"/> property it shows.</summary>
    public static DirectorySort FromColumn(string? column) => column switch
    {
        nameof(NonprofitSummary.Email) => DirectorySort.Email,
        nameof(NonprofitSummary.UpdatedAt) => DirectorySort.Updated,
        nameof(NonprofitSummary.CreatedAt) => DirectorySort.Created,
        _ => DirectorySort.Name,
    };
}

namespace NonprofitPortal.Features.Drafts.History;

/// <summary>The names a comparison shows instead of ids; an id missing here shows as deleted.</summary>
public sealed record DiffNames(IReadOnlyDictionary<long, string> Layouts, IReadOnlyDictionary<long, string> Files, IReadOnlyDictionary<long, string> Nonprofits)
{
    public static DiffNames None { get; } = new(new Dictionary<long, string>(), new Dictionary<long, string>(), new Dictionary<long, string>());
}

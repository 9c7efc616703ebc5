namespace NonprofitPortal.Features.Layouts;

/// <summary>Which layout a draft goes out in: a chosen one, the default (no id), or none at all.</summary>
public sealed record LayoutChoice(long? LayoutId, bool UseLayout)
{
    public static LayoutChoice Default { get; } = new(null, true);

    public static LayoutChoice None { get; } = new(null, false);
}

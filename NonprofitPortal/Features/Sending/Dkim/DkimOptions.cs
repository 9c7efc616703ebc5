namespace NonprofitPortal.Features.Sending.Dkim;

/// <summary>DKIM keys, one per From domain, under <c>Mail:Dkim:Keys:N:*</c>.</summary>
public sealed class DkimOptions
{
    public const string Section = "Mail:Dkim";

    public List<DkimKeyOptions> Keys { get; set; } = [];
}

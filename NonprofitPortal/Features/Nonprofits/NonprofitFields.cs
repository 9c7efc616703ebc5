namespace NonprofitPortal.Features.Nonprofits;

/// <summary>A nonprofit's editable fields after validation and normalization.</summary>
public sealed record NonprofitFields(string Name, string Address, string Email, IReadOnlyList<string> Tags)
{
    public string NormalizedEmail => NonprofitRules.NormalizeEmail(Email);

    public string EmailDomain => NonprofitRules.DomainOf(NormalizedEmail);
}

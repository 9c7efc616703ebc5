namespace NonprofitPortal.Features.Nonprofits;

public enum DirectorySort
{
    Name,
    Email,
    Updated,
    Created,
}

namespace NonprofitPortal.Features.Media;

public enum MediaStorage
{
    Database,
    FileSystem,
}

namespace NonprofitPortal.Features.TemplateLibrary;

/// <summary>
/// A starter template added once: a starter someone deleted or renamed does not come back, and
/// the key's uniqueness lets only one of several nodes starting together add it.
/// </summary>
public sealed class SeededStarterTemplate
{
    public string Key { get; set; } = "";

    public DateTimeOffset SeededAt { get; set; }
}

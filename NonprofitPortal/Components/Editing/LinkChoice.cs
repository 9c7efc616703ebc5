namespace NonprofitPortal.Components.Editing;

/// <summary>A link's address as the link dialog returns it (empty: remove the link), and its text when nothing was selected.</summary>
public sealed record LinkChoice(string Href, string? Text);

namespace NonprofitPortal.Components.Editing;

/// <summary>An email button: a link styled as a button.</summary>
public sealed record ButtonChoice(string Href, string Label);

namespace NonprofitPortal.Components.Editing;

/// <summary>An image by address, with the text that stands for it when it is not shown (empty for a decorative one).</summary>
public sealed record ImageChoice(string Src, string Alt);

namespace NonprofitPortal.Components.Editing;

/// <summary>What the editor starts with. <paramref name="Mode"/> is "visual", "html", or "auto" (visual unless it would lose parts of the value).</summary>
public sealed record EditorStart(string Value, string Mode, string Label, bool Dark, bool Disabled);

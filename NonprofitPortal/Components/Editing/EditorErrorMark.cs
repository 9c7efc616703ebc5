namespace NonprofitPortal.Components.Editing;

/// <summary>A template error as the HTML mode marks it: 1-based line and column.</summary>
public sealed record EditorErrorMark(int Line, int Column, string Message);

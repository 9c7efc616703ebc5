namespace NonprofitPortal.Components.Editing;

/// <summary>How the email body editor shows the body: formatted text, or its HTML source.</summary>
public enum EditorMode
{
    Visual,
    Html,
}

namespace NonprofitPortal.Components.Editing;

/// <summary>The formatting where the cursor is in the visual editor, for the toolbar's pressed buttons.</summary>
public sealed record EditorFormatting(
    bool Bold,
    bool Italic,
    bool Underline,
    bool Link,
    bool BulletList,
    bool OrderedList,
    bool Blockquote,
    int Heading,
    string Align,
    bool CanUndo,
    bool CanRedo)
{
    public static EditorFormatting None { get; } = new(false, false, false, false, false, false, false, 0, "left", false, false);
}

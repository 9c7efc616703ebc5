namespace NonprofitPortal.Features.Nonprofits.Search;

/// <summary>
/// What someone typed in the search box, cut into words the way the full-text indexes cut
/// names, emails and addresses: letters and digits, lower case, without accents. Every word must match the
/// start of a word of the nonprofit.
/// </summary>
public sealed record SearchTerms(string Text, IReadOnlyList<string> Words)
{
    public bool IsEmpty => Words.Count == 0;



    public static SearchTerms Parse(string? text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var character in TextFolding.Fold(text ?? ""))
        {
            if (char.IsLetterOrDigit(character))
            {
                current.Append(character);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return new SearchTerms(string.Join(' ', words), words.Distinct().Take(8).ToList());
    }
}

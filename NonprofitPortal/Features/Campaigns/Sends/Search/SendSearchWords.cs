using System.Text;

namespace NonprofitPortal.Features.Campaigns.Sends.Search;

/// <summary>
/// Search text cut into words as the text indexes cut names and emails: runs of letters and
/// digits, lower case. Accents are kept: SQLite's index folds them on both sides, PostgreSQL's matches them as typed.
/// </summary>
public sealed record SendSearchWords(IReadOnlyList<string> Words)
{
    private const int MaxWords = 8;

    public bool IsEmpty => Words.Count == 0;

    public static SendSearchWords Parse(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var character in text.ToLowerInvariant().Append(' '))
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

        return new SendSearchWords(words.Distinct().Take(MaxWords).ToList());
    }
}

using System.Globalization;
using System.Text;

namespace NonprofitPortal.Features.Nonprofits.Search;

/// <summary>Lower case without accents, so that "ecole" finds and sorts with "École".</summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(character);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Name, email and address as one folded text, with @ and dots in the email as spaces.</summary>
    public static string SearchTextOf(Nonprofit nonprofit) =>
        Fold($"{nonprofit.Name} {nonprofit.Email.Replace('@', ' ').Replace('.', ' ')} {nonprofit.Address}");
}

namespace NonprofitPortal.Features.Nonprofits.Import;

/// <summary>
/// Keeps exported cells from running as formulas when staff open the file in Excel or another
/// spreadsheet (CSV injection, OWASP): a cell starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab or carriage return is written with a leading <c>'</c>, which spreadsheets show
/// as text. The import takes off exactly that prefix, so an exported file reads back unchanged.
/// </summary>
/// <remarks>
/// A value that itself starts with quotes before such a character (<c>'=x</c>, <c>''+1</c>) gets
/// one more quote too: otherwise the import could not tell its own quote from the one added, and
/// <c>'=x</c> would come back as <c>=x</c>. Other values, including <c>'hello</c>, are left alone.
/// </remarks>
public static class SpreadsheetFormulas
{
    private const char Quote = '\'';

    public static string Neutralise(string value) => NeedsQuote(value) ? Quote + value : value;

    /// <summary>The value <see cref="Neutralise"/> was given, for a cell it wrote.</summary>
    public static string Restore(string cell) => cell.Length > 1 && cell[0] == Quote && NeedsQuote(cell.AsSpan(1)) ? cell[1..] : cell;

    private static bool NeedsQuote(ReadOnlySpan<char> value)
    {
        var start = value.TrimStart(Quote);
        return start.Length > 0 && start[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
    }
}

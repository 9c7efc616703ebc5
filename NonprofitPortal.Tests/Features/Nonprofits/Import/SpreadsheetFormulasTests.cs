using NonprofitPortal.Features.Nonprofits.Import;

namespace NonprofitPortal.Tests.Features.Nonprofits.Import;

public sealed class SpreadsheetFormulasTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+1 Fund")]
    [InlineData("-5 Road")]
    [InlineData("@home")]
    [InlineData("\tTabbed")]
    [InlineData("\rReturned")]
    public void A_cell_a_spreadsheet_would_run_is_written_behind_a_quote(string value)
    {
        Assert.Equal("'" + value, SpreadsheetFormulas.Neutralise(value));
    }

    [Theory]
    [InlineData("Plain Trust")]
    [InlineData("'quoted in the directory")]
    [InlineData("Sum = 3")]
    [InlineData("")]
    [InlineData("'")]
    public void Other_cells_are_written_as_they_are(string value)
    {
        Assert.Equal(value, SpreadsheetFormulas.Neutralise(value));
    }

    [Theory]
    [InlineData("'=already quoted", "''=already quoted")]
    [InlineData("''+1", "'''+1")]
    public void A_value_that_starts_with_quotes_before_a_formula_gets_one_more(string value, string cell)
    {
        Assert.Equal(cell, SpreadsheetFormulas.Neutralise(value));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("'=already quoted")]
    [InlineData("''+1")]
    [InlineData("-5 Road")]
    [InlineData("\tTabbed")]
    [InlineData("'quoted in the directory")]
    [InlineData("'")]
    [InlineData("Plain Trust")]
    [InlineData("")]
    public void Every_value_reads_back_as_it_was_written(string value)
    {
        Assert.Equal(value, SpreadsheetFormulas.Restore(SpreadsheetFormulas.Neutralise(value)));
    }

    [Theory]
    [InlineData("'hello")]
    [InlineData("'")]
    [InlineData("it's")]
    public void A_quote_the_export_did_not_add_is_kept(string cell)
    {
        Assert.Equal(cell, SpreadsheetFormulas.Restore(cell));
    }
}

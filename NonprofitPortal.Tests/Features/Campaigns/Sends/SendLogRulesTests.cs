using NonprofitPortal.Features.Campaigns.Sends;

namespace NonprofitPortal.Tests.Features.Campaigns.Sends;

public sealed class SendLogRulesTests
{
    [Fact]
    public void A_cursor_handed_out_reads_back_as_the_last_id_listed()
    {
        Assert.True(SendLogCursor.TryParse(SendLogCursor.Format(1_234_567), out var after));
        Assert.Equal(1_234_567, after);
    }

    [Fact]
    public void No_cursor_is_the_first_page()
    {
        Assert.True(SendLogCursor.TryParse(null, out var after));
        Assert.Null(after);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData(" 12")]
    [InlineData("99999999999999999999")]
    public void Text_no_page_handed_out_is_refused(string cursor) => Assert.False(SendLogCursor.TryParse(cursor, out _));

    [Fact]
    public void A_search_with_an_at_sign_is_a_whole_email_and_blank_text_searches_nothing()
    {
        Assert.True(new SendLogFilter(" Kids@Example.org ").IsEmailSearch);
        Assert.False(new SendLogFilter("kids").IsEmailSearch);
        Assert.Null(new SendLogFilter("   ").Term);
    }

    [Fact]
    public void Search_text_is_cut_into_lower_case_words_of_letters_and_digits_once_each_and_an_email_search_has_none()
    {
        Assert.Equal(["kids", "co", "zoë", "17"], new SendLogFilter("Kids & Co.  ZOË-17 kids").Words!.Words);
        Assert.True(new SendLogFilter("&& --").Words!.IsEmpty);
        Assert.Null(new SendLogFilter("kids@example.org").Words);
        Assert.Null(SendLogFilter.All.Words);
    }

    [Fact]
    public void Statuses_read_in_any_letter_case_and_numbers_or_unknown_names_are_refused()
    {
        Assert.True(SendLogFilter.TryParseStatus("Sent", out var sent));
        Assert.Equal(NonprofitPortal.Features.Campaigns.SendStatus.Sent, sent);
        Assert.True(SendLogFilter.TryParseStatus(null, out var none));
        Assert.Null(none);
        Assert.False(SendLogFilter.TryParseStatus("2", out _));
        Assert.False(SendLogFilter.TryParseStatus("delivered", out _));
    }
}

using Microsoft.Extensions.Time.Testing;
using NonprofitPortal.Features;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Campaigns.Pages;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Tests.Features.Campaigns;

/// <summary>The send dialog's "Send later" choice and its wording, on a fixed clock, without a browser.</summary>
public sealed class SendScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 28, 22, 40, 0, TimeSpan.Zero);
    private static readonly BrowserTimeZone Paris = BrowserTimeZone.From("Europe/Paris", 60);

    private static SendSchedule Schedule() => new(new FakeTimeProvider(Now));

    [Fact]
    public void Sending_at_once_needs_no_time_and_says_it_starts_at_once()
    {
        var schedule = Schedule();

        Assert.True(schedule.Ready);
        Assert.Null(schedule.At);
        Assert.StartsWith("Sending starts at once.", schedule.When);
    }

    [Fact]
    public void Turning_send_later_on_asks_for_the_zone_then_proposes_the_next_full_hour_there()
    {
        var schedule = Schedule();
        schedule.Later = true;
        Assert.True(schedule.NeedsZone);
        Assert.False(schedule.Ready);
        Assert.Equal("Choose the date and time to start sending.", schedule.When);

        schedule.Start(Paris);

        Assert.False(schedule.NeedsZone);
        Assert.Equal(new DateTime(2026, 3, 29), schedule.Date);
        Assert.Equal(TimeSpan.FromHours(0), schedule.TimeOfDay);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)), schedule.At);
        Assert.Equal(new DateTime(2026, 3, 28), schedule.Today);
        Assert.Equal("Sending starts on 2026-03-29 at 00:00 (Europe/Paris (UTC+01:00)). Until then you can cancel it from the campaign's page.", schedule.When);
    }

    [Fact]
    public void A_time_the_clocks_skip_is_refused_with_the_reason()
    {
        var schedule = Schedule();
        schedule.Later = true;
        schedule.Start(Paris);
        schedule.TimeOfDay = TimeSpan.FromHours(2.5);

        Assert.False(schedule.Ready);
        Assert.Equal("2026-03-29 02:30 does not exist in Europe/Paris: the clocks skip it.", schedule.When);
    }

    [Fact]
    public void A_time_that_has_passed_is_refused_and_the_offset_follows_the_chosen_date()
    {
        var schedule = Schedule();
        schedule.Later = true;
        schedule.Start(Paris);
        schedule.Date = new DateTime(2026, 3, 28);
        schedule.TimeOfDay = TimeSpan.FromHours(9);
        Assert.Equal("That time has passed: choose one in the future.", schedule.Problem);
        Assert.Null(schedule.At);

        schedule.Date = new DateTime(2026, 3, 30);
        Assert.True(schedule.Ready);
        Assert.Equal("Europe/Paris (UTC+02:00)", schedule.ZoneText);
    }

    [Theory]
    [InlineData(1, 0, false, false, "Send 1 message")]
    [InlineData(3, 2, false, false, "Send 9 messages")]
    [InlineData(1_000, 0, true, false, "Schedule 1,000 messages")]
    [InlineData(2, 0, true, true, "Submit 2 messages for approval")]
    public void The_confirm_button_counts_every_message_and_says_what_happens(int recipients, int cc, bool later, bool awaitsApproval, string text)
    {
        var preview = new LaunchPreview(new RecipientCount(recipients, 0), cc, TrackingChoice.None, awaitsApproval);

        Assert.Equal(text, SendDialogText.Confirm(preview, later));
    }

    [Fact]
    public void Suppressed_recipients_are_explained_by_reason_leaving_out_reasons_nobody_has()
    {
        var count = new RecipientCount(5, 0, new Dictionary<string, int> { [SuppressionReasons.HardBounce] = 2, [SuppressionReasons.Manual] = 1 });

        Assert.Equal("2 address does not exist (hard bounce); 1 stopped by staff. Allow them again from their page in the directory.", SendDialogText.SuppressedWhy(count));
    }

    [Fact]
    public void A_refused_launch_names_each_field_as_the_screen_does()
    {
        var refused = new OperationResult(OperationError.Validation, null, new Dictionary<string, string[]>
        {
            ["layoutId"] = ["In the layout “Plain”, line 3, column 1: unknown variable"],
            ["recipients"] = ["Choose who receives it before sending."],
        });

        Assert.Equal(
            ["Layout: In the layout “Plain”, line 3, column 1: unknown variable", "Recipients: Choose who receives it before sending."],
            SendDialogText.Problems(refused));
        Assert.Equal(["The draft could not be sent."], SendDialogText.Problems(new OperationResult(OperationError.Conflict, null)));
    }
}

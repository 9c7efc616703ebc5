namespace NonprofitPortal.Features.TemplateLibrary;

/// <summary>
/// The templates a new installation starts with. They go out in the default layout, which adds the
/// unsubscribe link, the web version and the foundation's address; what only the sender knows is in
/// [brackets] to fill in.
/// </summary>
public static class StarterTemplates
{
    private const string ButtonStyle =
        "display:inline-block;padding:12px 24px;background-color:#2e5e4e;color:#ffffff;font-weight:bold;text-decoration:none;border-radius:4px";

    public static StarterTemplate GrantRoundOpen { get; } = new(
        "grant-round-open",
        "Grant round open",
        "Announces a new funding round: who can apply, grant sizes, the closing date and a link to the guidelines. Fill in the [bracketed] details and the button's link.",
        "Applications are open: a new grant round from {{ foundation.name }}",
        $$$"""
        <p>Dear friends at {{ nonprofit.name }},</p>
        <p>We are delighted to let you know that {{ foundation.name }} has opened a new grant round, and we would be glad to receive an application from you.</p>
        <h2>At a glance</h2>
        <ul>
        <li><strong>Who can apply:</strong> [who the round is for]</li>
        <li><strong>Grants of:</strong> [smallest and largest amount]</li>
        <li><strong>Applications close:</strong> [closing date and time]</li>
        <li><strong>Decisions by:</strong> [decision date]</li>
        </ul>
        <p>The guidelines explain what we fund, how we assess applications and what to include. Please read them before you start: they will save you time.</p>
        <p data-email-button="" style="margin:24px 0"><a href="https://example.org/grants" class="button" style="{{{ButtonStyle}}}">Read the guidelines and apply</a></p>
        <p>If you are not sure whether your work fits, or would like to talk an idea through, simply reply to this email. We are happy to help before you apply, and asking us never counts against an application.</p>
        <p>With warm wishes,</p>
        <p>{{ sender.name }}<br>{{ foundation.name }}</p>
        """);

    public static StarterTemplate ReportingReminder { get; } = new(
        "reporting-reminder",
        "Reporting reminder",
        "A friendly nudge that a grant report is due, with what to include and an open door for those who need more time. Fill in the [due date].",
        "A friendly reminder: your report for {{ foundation.name }} is due on [due date]",
        """
        <p>Dear {{ nonprofit.name }} team,</p>
        <p>This is a friendly reminder that your grant report is due on <strong>[due date]</strong>.</p>
        <p>Your report helps us understand what your work has achieved, what you have learned along the way and where we could support you better. It does not need to be long or polished: an honest account matters more to us than a perfect one.</p>
        <h2>What to include</h2>
        <ul>
        <li>What you set out to do, and what happened</li>
        <li>The difference it made, with a story or two if you have them</li>
        <li>How the grant was spent, against the budget you shared with us</li>
        <li>What was harder than expected, and what you would do differently</li>
        </ul>
        <p>If you have already sent your report, thank you, and please disregard this message. If you need more time, or something has changed, just reply and let us know: we would much rather hear from you early.</p>
        <p>Thank you for everything you do.</p>
        <p>Kind regards,</p>
        <p>{{ sender.name }}<br>{{ foundation.name }}<br><a href="mailto:{{ sender.email }}">{{ sender.email }}</a></p>
        """);

    public static StarterTemplate EventInvitation { get; } = new(
        "event-invitation",
        "Event invitation",
        "Invites the nonprofits to a gathering: when, where and who may come, and a reply by a date with any access or dietary needs. Fill in the [bracketed] details.",
        "An invitation for {{ nonprofit.name }}: [event name] on [date]",
        $$$"""
        <p>Dear friends at {{ nonprofit.name }},</p>
        <p>We would love you to join us for <strong>[event name]</strong>: a chance to meet the other organisations we work with, share what you are learning and hear what is next for {{ foundation.name }}.</p>
        <ul>
        <li><strong>When:</strong> [day and date], [start time] to [end time]</li>
        <li><strong>Where:</strong> [venue and address, or the link to join online]</li>
        <li><strong>Who:</strong> up to [number] people from your organisation are welcome</li>
        </ul>
        <p>[A sentence or two about the programme: speakers, workshops, time to talk over refreshments.]</p>
        <p>Please let us know by <strong>[reply-by date]</strong> whether you can come, and tell us about any access or dietary needs, so that the day works for everyone.</p>
        <p data-email-button="" style="margin:24px 0"><a href="mailto:{{ sender.email }}" class="button" style="{{{ButtonStyle}}}">Reply to let us know</a></p>
        <p>We very much hope to see you there.</p>
        <p>Warm regards,</p>
        <p>{{ sender.name }}<br>{{ foundation.name }}</p>
        """);

    public static IReadOnlyList<StarterTemplate> All { get; } = [GrantRoundOpen, ReportingReminder, EventInvitation];
}

using System.Security.Claims;
using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns.WebVersion;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;

namespace NonprofitPortal.Features.Drafts;

/// <summary>Renders a draft for one recipient (the preview, a test to oneself) or for all of them (the check before sending).</summary>
public sealed class DraftPreviewer(
    TemplateRenderer renderer,
    DraftRecipients recipients,
    UserAdministration users,
    IMailTransport transport,
    IOptions<MailOptions> mailOptions,
    IOptions<AppOptions> appOptions,
    PublicAddress publicAddress,
    TimeProvider time)
{
    /// <summary>Who a preview shows when no recipient is chosen yet.</summary>
    public static NonprofitSummary Sample { get; } = new(
        0, "Example Nonprofit", "1 Sample Street\nSpringfield", "info@example.org", ["example"], null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 0);

    public async Task<SenderValues> SenderAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = id is null ? null : await users.FindAsync(id, cancellationToken);
        return new SenderValues(account?.DisplayName ?? account?.Email ?? user.Identity?.Name ?? "", account?.Email ?? user.Identity?.Name ?? "");
    }

    /// <summary>The email as <paramref name="nonprofit"/> would receive it: the body in the layout, as sent.</summary>
    /// <param name="layoutHtml">The layout around the body; null for none.</param>
    /// <param name="nonprofit">Whom to render for; the <see cref="Sample"/> when null.</param>
    public RenderResult Preview(string subject, string body, string? layoutHtml, NonprofitSummary? nonprofit, SenderValues sender, CancellationToken cancellationToken) =>
        Build(subject, body, layoutHtml, ModelFor(nonprofit ?? Sample, sender), cancellationToken).Result;

    /// <summary>
    /// The body template a campaign sends (the body in its layout, email-safe, styles inlined),
    /// checked by rendering it for the <see cref="Sample"/>; or what keeps it from being sent.
    /// </summary>
    public (string? Template, IReadOnlyList<TemplateError> Errors) Prepare(string subject, string body, string? layoutHtml, SenderValues sender, CancellationToken cancellationToken)
    {
        var (template, result) = Build(subject, body, layoutHtml, ModelFor(Sample, sender), cancellationToken);
        return (result.Succeeded ? template : null, result.Errors);
    }

    /// <summary>Renders for every recipient, one at a time as they are read, so memory stays flat however many there are.</summary>
    public async IAsyncEnumerable<RecipientCheck> CheckAllAsync(
        string subject, string body, string? layoutHtml, RecipientSelection selection, SenderValues sender,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (template, errors) = EmailDocument.Compose(body, layoutHtml);
        await foreach (var nonprofit in recipients.StreamAsync(selection, cancellationToken))
        {
            if (template is null)
            {
                yield return new RecipientCheck(nonprofit, errors);
                continue;
            }

            var model = ModelFor(nonprofit, sender);
            var sent = renderer.Render(subject, template, model, cancellationToken);
            // The body alone, for errors at the body's own lines and columns.
            yield return new RecipientCheck(nonprofit, sent.Succeeded ? [] : Relocated(renderer.Render(subject, body, model, cancellationToken), sent));
        }
    }

    /// <summary>Sends the draft, as <paramref name="nonprofit"/> would receive it, to the sender alone.</summary>
    public async Task<RenderResult> SendTestAsync(string subject, string body, string? layoutHtml, NonprofitSummary? nonprofit, SenderValues sender, CancellationToken cancellationToken)
    {
        var rendered = Preview(subject, body, layoutHtml, nonprofit, sender, cancellationToken);
        if (rendered.Email is { } email)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(mailOptions.Value.From));
            message.To.Add(new MailboxAddress(sender.Name, sender.Email));
            message.Subject = $"[Test] {email.Subject}";
            message.Body = new BodyBuilder { HtmlBody = email.Html, TextBody = email.Text }.ToMessageBody();
            await transport.SendAsync(message, cancellationToken);
        }

        return rendered;
    }

    public TemplateModel ModelFor(NonprofitSummary nonprofit, SenderValues sender) => new(
        new NonprofitValues(nonprofit.Name, nonprofit.Address, nonprofit.Email, nonprofit.Tags),
        FoundationValues.From(appOptions.Value),
        sender,
        publicAddress.Link("unsubscribe/preview"),
        DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
    {
        WebVersionUrl = publicAddress.Link($"{WebVersionLinks.Prefix}/preview"),
    };

    /// <summary>
    /// The body rendered alone first, so that its errors come at its own lines and columns; then
    /// in its layout, as it is sent.
    /// </summary>
    private (string? Template, RenderResult Result) Build(string subject, string body, string? layoutHtml, TemplateModel model, CancellationToken cancellationToken)
    {
        var alone = renderer.Render(subject, body, model, cancellationToken);
        if (!alone.Succeeded)
        {
            return (null, alone);
        }

        var (template, errors) = EmailDocument.Compose(body, layoutHtml);
        if (template is null)
        {
            return (null, RenderResult.Failed(errors));
        }

        var sent = renderer.Render(subject, template, model, cancellationToken);
        return (template, sent.Succeeded ? sent : RenderResult.Failed(Relocated(alone, sent)));
    }

    /// <summary>
    /// The errors of the template as sent, placed where a person can find them: in the body when
    /// the body alone fails the same way, otherwise in the layout (whose lines the sent template
    /// does not keep).
    /// </summary>
    private static IReadOnlyList<TemplateError> Relocated(RenderResult alone, RenderResult sent) =>
        !alone.Succeeded
            ? alone.Errors
            : sent.Errors.Select(error => error.Part == TemplateError.Subject ? error : new TemplateError(TemplateError.Layout, 1, 1, $"The layout does not render for this nonprofit: {error.Message}", "")).ToList();
}

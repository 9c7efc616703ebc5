using System.Security.Claims;
using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Drafts.Templates;
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

    /// <param name="nonprofit">Whom to render for; the <see cref="Sample"/> when null.</param>
    public RenderResult Preview(string subject, string body, NonprofitSummary? nonprofit, SenderValues sender, CancellationToken cancellationToken) =>
        renderer.Render(subject, body, ModelFor(nonprofit ?? Sample, sender), cancellationToken);

    /// <summary>Renders for every recipient, one at a time as they are read, so memory stays flat however many there are.</summary>
    public async IAsyncEnumerable<RecipientCheck> CheckAllAsync(
        string subject, string body, RecipientSelection selection, SenderValues sender,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var nonprofit in recipients.StreamAsync(selection, cancellationToken))
        {
            yield return new RecipientCheck(nonprofit, renderer.Render(subject, body, ModelFor(nonprofit, sender), cancellationToken).Errors);
        }
    }

    /// <summary>Sends the draft, as <paramref name="nonprofit"/> would receive it, to the sender alone.</summary>
    public async Task<RenderResult> SendTestAsync(string subject, string body, NonprofitSummary? nonprofit, SenderValues sender, CancellationToken cancellationToken)
    {
        var rendered = Preview(subject, body, nonprofit, sender, cancellationToken);
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
        new FoundationValues(appOptions.Value.FoundationName),
        sender,
        publicAddress.Link("unsubscribe/preview"),
        DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
}

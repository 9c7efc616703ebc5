using Microsoft.Extensions.Options;
using MimeKit;
using NonprofitPortal.Features.Bounces;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Campaigns.WebVersion;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending.Queue;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Sending;

/// <summary>Renders one campaign message for one recipient and wraps it for the wire (<see cref="CampaignComposer"/>).</summary>
public sealed class CampaignMessages(
    TemplateRenderer renderer,
    SendTokens sendTokens,
    ReturnPaths returnPaths,
    PublicAddress publicAddress,
    IOptions<MailOptions> mailOptions,
    IOptions<AppOptions> appOptions,
    Dkim.MessageSigner signer,
    TimeProvider time)
{
    private readonly MailboxAddress _from = MailboxAddress.Parse(mailOptions.Value.From);

    /// <summary>
    /// Deterministic per send, so that a message sent again after a crash carries the same
    /// Message-ID and the receiving side (or support) can tell it is the same message.
    /// </summary>
    public string MessageIdFor(ClaimedSend send) => $"send-{send.Id}.campaign-{send.CampaignId}@{_from.Domain}";

    public string UnsubscribeUrl(long sendId) => publicAddress.Link($"unsubscribe/{sendTokens.Create(SendTokenPurpose.Unsubscribe, sendId)}");

    /// <summary>What every message of <paramref name="campaign"/> shares, made once for all of them.</summary>
    public CampaignComposer ComposerFor(CampaignContent campaign) => new(campaign, _from, FoundationValues.From(appOptions.Value));

    /// <summary>One message on its own (a drain composes through <see cref="ComposerFor"/>, once per campaign).</summary>
    public (MimeMessage? Message, IReadOnlyList<TemplateError> Errors) Compose(CampaignContent campaign, ClaimedSend send, CancellationToken cancellationToken) =>
        Compose(ComposerFor(campaign), send, cancellationToken);

    /// <returns>The message, or the template errors that kept it from rendering.</returns>
    public (MimeMessage? Message, IReadOnlyList<TemplateError> Errors) Compose(CampaignComposer campaign, ClaimedSend send, CancellationToken cancellationToken)
    {
        var unsubscribe = UnsubscribeUrl(send.Id);
        var now = time.GetUtcNow();
        var model = new TemplateModel(
            new NonprofitValues(send.Name, send.Address, send.Email, send.Tags.Length == 0 ? [] : send.Tags.Split(';')),
            campaign.Foundation,
            campaign.Sender,
            unsubscribe,
            DateOnly.FromDateTime(now.UtcDateTime))
        {
            WebVersionUrl = publicAddress.Link(WebVersionLinks.PathFor(sendTokens, send.Id)),
            Tracking = TrackingLinks.For(sendTokens, publicAddress, send.Id, campaign.Content.Tracking),
        };
        var rendered = renderer.Render(campaign.Content.SubjectTemplate, campaign.Content.BodyTemplate, model, cancellationToken);
        if (rendered.Email is not { } email)
        {
            return (null, rendered.Errors);
        }

        // VERP: the SMTP connection sends it as the envelope sender (MAIL FROM), not as a header.
        var message = campaign.Message(MessageIdFor(send), now, email, send.Name, send.Email, unsubscribe, returnPaths.For(send.Id));
        signer.Sign(message);
        return (message, []);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns.Tokens;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Operations;

namespace NonprofitPortal.Features.Campaigns.WebVersion;

/// <summary>
/// A recipient's message as it was sent, for the "view in your browser" link: the campaign's frozen
/// template rendered again for the send's recipient snapshot, with the values the message had.
/// </summary>
public sealed class WebVersions(
    IDbContextFactory<AppDbContext> contextFactory,
    TemplateRenderer renderer,
    SendTokens tokens,
    PublicAddress publicAddress,
    IOptions<AppOptions> appOptions,
    TimeProvider time)
{
    /// <returns>The message's HTML; null when the token names no send of ours.</returns>
    public async Task<string?> RenderAsync(string token, CancellationToken cancellationToken)
    {
        if (!tokens.TryRead(SendTokenPurpose.WebVersion, token, out var sendId))
        {
            return null;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var sent = await db.EmailSends.AsNoTracking()
            .Where(s => s.Id == sendId)
            .Join(db.Campaigns, s => s.CampaignId, c => c.Id, (s, c) => new { Send = s, c.SubjectTemplate, c.BodyTemplate, c.SenderName, c.SenderEmail })
            .SingleOrDefaultAsync(cancellationToken);
        if (sent is null)
        {
            return null;
        }

        var send = sent.Send;
        var model = new TemplateModel(
            new NonprofitValues(send.Name, send.Address, send.Email, send.Tags.Length == 0 ? [] : send.Tags.Split(';')),
            FoundationValues.From(appOptions.Value),
            new SenderValues(sent.SenderName, sent.SenderEmail),
            publicAddress.Link($"unsubscribe/{tokens.Create(SendTokenPurpose.Unsubscribe, send.Id)}"),
            // The day it was sent, as the message said.
            DateOnly.FromDateTime((send.SentAt ?? time.GetUtcNow()).UtcDateTime))
        {
            WebVersionUrl = publicAddress.Link(WebVersionLinks.PathFor(tokens, send.Id)),
        };
        return renderer.Render(sent.SubjectTemplate, sent.BodyTemplate, model, cancellationToken).Email?.Html;
    }
}

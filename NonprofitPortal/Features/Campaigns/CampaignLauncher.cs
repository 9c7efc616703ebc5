using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns.Approval;
using NonprofitPortal.Features.Campaigns.Enqueue;
using NonprofitPortal.Features.Drafts;
using NonprofitPortal.Features.Drafts.Templates;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Operations;
using NonprofitPortal.Features.Sending;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Campaigns;

/// <summary>
/// Freezes what to send into a campaign and writes one pending send per recipient, all in one
/// transaction, then wakes the drain and returns: the sending happens in the background.
/// </summary>
public sealed class CampaignLauncher(
    IDbContextFactory<AppDbContext> contextFactory,
    DraftService drafts,
    DraftRecipients recipients,
    DraftPreviewer previewer,
    LayoutService layouts,
    ISendEnqueuer enqueuer,
    SendingTrigger trigger,
    PublicAddress publicAddress,
    IOptions<TrackingOptions> trackingOptions,
    IOptions<CampaignsOptions> campaignsOptions,
    AuditLog auditLog,
    TimeProvider time,
    ILogger<CampaignLauncher> logger)
{
    private const int InsertChunk = 2000;

    /// <summary>What <see cref="LaunchDraftAsync"/> would send for <paramref name="user"/>; null when the draft is gone.</summary>
    public async Task<LaunchPreview?> PreviewDraftLaunchAsync(long draftId, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(draftId, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var count = await recipients.CountAsync(draft.Recipients, cancellationToken);
        return new LaunchPreview(count, draft.Cc.Count, draft.Tracking, AwaitsApproval(user));
    }

    /// <param name="sendAt">When to start sending; null for at once.</param>
    /// <param name="tracking">What to track, chosen in the send dialog; null for what the draft says.</param>
    public async Task<OperationResult<LaunchedCampaign>> LaunchDraftAsync(
        long draftId, ClaimsPrincipal user, string? idempotencyKey, DateTimeOffset? sendAt, TrackingChoice? tracking, CancellationToken cancellationToken)
    {
        var draft = await drafts.FindAsync(draftId, cancellationToken);
        if (draft is null)
        {
            return OperationResult<LaunchedCampaign>.From(OperationResult.NotFound("This draft does not exist any more."));
        }

        var input = new CampaignInput(draft.Name, draft.Id, draft.SubjectTemplate, draft.BodyTemplate, draft.Recipients, draft.Cc)
        {
            SendAt = sendAt,
            Layout = draft.Layout,
            Tracking = tracking ?? draft.Tracking,
            Attachments = draft.Attachments,
        };
        return await LaunchAsync(input, user, idempotencyKey, cancellationToken);
    }

    /// <param name="idempotencyKey">The client's key for this request: a repeat with the same key returns the first campaign.</param>
    public async Task<OperationResult<LaunchedCampaign>> LaunchAsync(CampaignInput input, ClaimsPrincipal user, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var actor = Actor.From(user);
        if (idempotencyKey is { Length: > CampaignRules.MaxIdempotencyHeaderLength })
        {
            return Invalid("idempotencyKey", $"An Idempotency-Key has at most {CampaignRules.MaxIdempotencyHeaderLength} characters.");
        }

        var storedKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : $"{actor.Id}:{idempotencyKey.Trim()}";
        if (storedKey is not null && await FindByKeyAsync(storedKey, cancellationToken) is { } earlier)
        {
            return OperationResult<LaunchedCampaign>.Ok(earlier);
        }

        var now = time.GetUtcNow();
        if (SendAtProblem(input.SendAt, now) is { } sendAtProblem)
        {
            return Invalid("sendAt", sendAtProblem);
        }

        var (valid, errors) = DraftRules.Validate(new DraftInput(input.Name, input.SubjectTemplate, input.BodyTemplate, input.Recipients, input.Cc) { Layout = input.Layout });
        if (valid is null)
        {
            return OperationResult<LaunchedCampaign>.From(OperationResult.Invalid(errors));
        }

        var layout = await layouts.ResolveAsync(valid.Layout.LayoutId, valid.Layout.UseLayout, cancellationToken);
        if (valid.Layout is { UseLayout: true, LayoutId: { } layoutId } && layout?.Id != layoutId)
        {
            return Invalid("layoutId", $"There is no layout {layoutId} (any more): choose another, or none for the default layout.");
        }

        // The body in its layout, made email-safe and with the layout's styles inlined: once, here, for every message.
        var sender = await previewer.SenderAsync(user, cancellationToken);
        var (body, problems) = ReadinessProblems(valid, layout, sender, cancellationToken);
        if (problems.Count > 0)
        {
            return OperationResult<LaunchedCampaign>.From(OperationResult.Invalid(problems));
        }

        // Tracking written into the body in its layout once, here: per message only the recipient's addresses differ.
        var tracking = input.Tracking ?? trackingOptions.Value.Default;
        var tracked = TrackedTemplate.Track(body!, tracking, publicAddress.Base);
        var awaitsApproval = AwaitsApproval(user);
        var campaign = new Campaign
        {
            Name = valid.Name,
            DraftId = input.DraftId,
            SubjectTemplate = valid.SubjectTemplate,
            BodyTemplate = tracked.Template,
            ContentTemplate = valid.BodyTemplate,
            LayoutId = layout?.Id,
            LayoutName = layout?.Name,
            TrackOpens = tracking.Opens,
            TrackClicks = tracking.Clicks,
            CcAddresses = string.Join(';', valid.Cc),
            SenderName = sender.Name,
            SenderEmail = sender.Email,
            // A scheduled campaign's sends, and those of one awaiting approval, are written now (the
            // approver sees exactly who will receive it) but not claimed: the drain only claims from
            // queued and sending campaigns; CampaignLifecycle starts it when it is due, an approver when approved.
            Status = awaitsApproval ? CampaignStatus.AwaitingApproval : input.SendAt is null ? CampaignStatus.Queued : CampaignStatus.Scheduled,
            ScheduledAt = input.SendAt,
            CreatedById = actor.Id,
            CreatedBy = actor.Name,
            CreatedAt = now,
            IdempotencyKey = storedKey,
        };

        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Campaigns.Add(campaign);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (storedKey is not null)
            {
                // The same request, sent twice at once: the other one won.
                await transaction.RollbackAsync(cancellationToken);
                return await FindByKeyAsync(storedKey, cancellationToken) is { } winner
                    ? OperationResult<LaunchedCampaign>.Ok(winner)
                    : throw new InvalidOperationException($"Saving campaign '{campaign.Name}' failed, and not because of its Idempotency-Key.", exception);
            }

            db.CampaignLinks.AddRange(tracked.Links.Select((url, index) => new CampaignLink { CampaignId = campaign.Id, LinkIndex = index, Url = url }));

            // Frozen with the campaign: the library keeps a file while a campaign has it.
            db.CampaignAttachments.AddRange(input.Attachments.Select((file, position) => new CampaignAttachment
            {
                CampaignId = campaign.Id,
                MediaFileId = file.MediaId,
                Position = position,
                Name = file.Name,
                ContentType = file.ContentType,
                Bytes = file.Bytes,
            }));
            await foreach (var chunk in recipients.StreamAsync(valid.Recipients, cancellationToken).Chunk(InsertChunk).WithCancellation(cancellationToken))
            {
                await enqueuer.InsertAsync(db, campaign.Id, input.SendAt ?? now, chunk, cancellationToken);
                campaign.Total += chunk.Length;
            }

            if (campaign.Total == 0)
            {
                return Invalid("recipients", "No one would receive it: every nonprofit chosen has opted out, or none matches.");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var scheduled = (campaign.ScheduledAt is { } at ? $", scheduled for {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC" : "")
            + (awaitsApproval ? ", awaiting approval" : "");
        logger.LogInformation("Campaign {CampaignId} launched by {User} to {Total} recipients{Scheduled}", campaign.Id, actor.Name, campaign.Total, scheduled);
        await auditLog.RecordAsync(actor, CampaignAuditActions.Launched, campaign.Name, $"campaign {campaign.Id}, {campaign.Total:N0} recipients{scheduled}", cancellationToken);
        if (campaign.Status == CampaignStatus.Queued)
        {
            await trigger.WakeAsync(cancellationToken);
        }

        return OperationResult<LaunchedCampaign>.Ok(new LaunchedCampaign(campaign.Id, campaign.Status, campaign.Total, Repeated: false, campaign.ScheduledAt));
    }

    private static string? SendAtProblem(DateTimeOffset? sendAt, DateTimeOffset now) => sendAt switch
    {
        null => null,
        { } at when at <= now =>
            $"The send time must be in the future: {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC has passed (it is now {now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC).",
        { } at when at - now > CampaignRules.MaxScheduleAhead =>
            $"The send time can be at most {CampaignRules.MaxScheduleAhead.TotalDays:N0} days ahead.",
        _ => null,
    };

    /// <summary>What a draft may lack while being written but must have to be sent; and, when it has all, the template to send.</summary>
    private (string? Body, Dictionary<string, string[]> Problems) ReadinessProblems(ValidDraft draft, LayoutDetails? layout, SenderValues sender, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(draft.SubjectTemplate))
        {
            problems["subjectTemplate"] = ["Write a subject before sending."];
        }

        if (string.IsNullOrWhiteSpace(draft.BodyTemplate))
        {
            problems["bodyTemplate"] = ["Write the message before sending."];
        }

        if (draft.Recipients.IsEmpty)
        {
            problems["recipients"] = ["Choose who receives it before sending."];
        }

        // Rendering for the example nonprofit catches what parsing alone cannot, such as a misspelt variable.
        var (body, errors) = previewer.Prepare(draft.SubjectTemplate, draft.BodyTemplate, layout?.Html, sender, cancellationToken);
        foreach (var part in errors.GroupBy(e => e.Part))
        {
            var field = part.Key switch { TemplateError.Subject => "subjectTemplate", TemplateError.Body => "bodyTemplate", _ => "layoutId" };
            var where = part.Key == TemplateError.Layout ? $"In the layout “{layout?.Name}”, line" : "Line";
            problems[field] = part.Select(e => $"{where} {e.Line}, column {e.Column}: {e.Message}").ToArray();
        }

        return (body, problems);
    }

    private async Task<LaunchedCampaign?> FindByKeyAsync(string storedKey, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Campaigns
            .Where(c => c.IdempotencyKey == storedKey)
            .Select(c => new LaunchedCampaign(c.Id, c.Status, c.Total, true, c.ScheduledAt))
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static OperationResult<LaunchedCampaign> Invalid(string field, string message) =>
        OperationResult<LaunchedCampaign>.From(OperationResult.Invalid(field, message));

    private bool AwaitsApproval(ClaimsPrincipal user) => ApprovalRules.NeedsApproval(campaignsOptions.Value.RequireApproval, CampaignApprovals.MayApprove(user));
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Drafts.History;
using NonprofitPortal.Features.Layouts;
using NonprofitPortal.Features.Nonprofits;
using NonprofitPortal.Features.Tracking;

namespace NonprofitPortal.Features.Drafts;

/// <summary>Saves, reads, copies and deletes drafts.</summary>
public sealed class DraftService(
    IDbContextFactory<AppDbContext> contextFactory, DraftRecipients recipients, IOptions<TrackingOptions> trackingOptions, AuditLog auditLog, IOptions<CampaignsOptions> campaignsOptions, TimeProvider time)
{
    private const char CcSeparator = ';';

    public async Task<IReadOnlyList<DraftSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var drafts = await db.EmailDrafts.AsNoTracking().Include(d => d.ChosenRecipients).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
        var summaries = new List<DraftSummary>(drafts.Count);
        foreach (var draft in drafts)
        {
            var count = await recipients.CountAsync(SelectionOf(draft), cancellationToken);
            summaries.Add(new DraftSummary(draft.Id, draft.Name, draft.UpdatedBy, draft.UpdatedAt, count));
        }

        return summaries;
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.EmailDrafts.CountAsync(cancellationToken);
    }

    public async Task<DraftDetails?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.EmailDrafts.AsNoTracking().Include(d => d.ChosenRecipients).Include(d => d.Attachments).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return draft is null ? null : Details(draft, await FilesAsync(db, draft.Attachments.OrderBy(a => a.Position).Select(a => a.MediaFileId).ToList(), cancellationToken));
    }

    public async Task<OperationResult<DraftDetails>> CreateAsync(DraftInput input, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var (valid, errors) = DraftRules.Validate(input);
        if (valid is null)
        {
            return OperationResult<DraftDetails>.From(OperationResult.Invalid(errors));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (await MissingLayoutAsync(db, valid, cancellationToken) is { } missing)
        {
            return OperationResult<DraftDetails>.From(missing);
        }

        var (files, attachmentsProblem) = await AttachmentsAsync(db, valid, cancellationToken);
        if (attachmentsProblem is not null)
        {
            return OperationResult<DraftDetails>.From(attachmentsProblem);
        }

        var actor = Actor.From(actingUser);
        var draft = new EmailDraft { CreatedBy = actor.Name, CreatedAt = time.GetUtcNow() };
        Apply(draft, valid, actor);
        ApplyTracking(draft, input.Tracking?.Over(trackingOptions.Value.Default) ?? trackingOptions.Value.Default);
        db.EmailDrafts.Add(draft);
        DraftVersioning.Record(db, draft, DraftSaveReason.Created, actor, draft.UpdatedAt);
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.RecordAsync(actor, DraftAuditActions.Created, draft.Name, null, cancellationToken);
        return OperationResult<DraftDetails>.Ok(Details(draft, files));
    }

    /// <param name="expectedVersion">The version the editor started from; null to overwrite whatever is there.</param>
    public Task<OperationResult<DraftDetails>> UpdateAsync(long id, DraftInput input, int? expectedVersion, ClaimsPrincipal actingUser, CancellationToken cancellationToken) =>
        UpdateAsync(id, input, expectedVersion, DraftSaveReason.Saved, actingUser, cancellationToken);

    /// <param name="expectedVersion">The version the editor started from; null to overwrite whatever is there.</param>
    /// <param name="reason">What kind of save it is, for the draft's history.</param>
    public async Task<OperationResult<DraftDetails>> UpdateAsync(
        long id, DraftInput input, int? expectedVersion, DraftSaveReason reason, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var (valid, errors) = DraftRules.Validate(input);
        if (valid is null)
        {
            return OperationResult<DraftDetails>.From(OperationResult.Invalid(errors));
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.EmailDrafts.Include(d => d.ChosenRecipients).Include(d => d.Attachments).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            return OperationResult<DraftDetails>.From(NotFound());
        }

        if (expectedVersion is { } version && version != draft.Version)
        {
            return OperationResult<DraftDetails>.From(ChangedMeanwhile(draft));
        }

        if (await MissingLayoutAsync(db, valid, cancellationToken) is { } missing)
        {
            return OperationResult<DraftDetails>.From(missing);
        }

        var (files, attachmentsProblem) = await AttachmentsAsync(db, valid, cancellationToken);
        if (attachmentsProblem is not null)
        {
            return OperationResult<DraftDetails>.From(attachmentsProblem);
        }

        var actor = Actor.From(actingUser);
        Apply(draft, valid, actor);
        if (input.Tracking is { } tracking)
        {
            ApplyTracking(draft, tracking.Over(new TrackingChoice(draft.TrackOpens, draft.TrackClicks)));
        }

        var startedFrom = draft.History.Number;
        DraftVersioning.Record(db, draft, reason, actor, draft.UpdatedAt);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult<DraftDetails>.From(SavedAtTheSameMoment());
        }
        catch (DbUpdateException) when (draft.History.Number != startedFrom)
        {
            // The version's number is its key, and the batch may insert it before the draft's own
            // concurrency check runs: a save that committed first and took the number is a conflict too.
            if (!await VersionExistsAsync(id, draft.History.Number, cancellationToken))
            {
                throw;
            }

            return OperationResult<DraftDetails>.From(SavedAtTheSameMoment());
        }

        await auditLog.RecordAsync(
            actor,
            reason.RestoredFrom is null ? DraftAuditActions.Edited : DraftAuditActions.Restored,
            draft.Name,
            reason.RestoredFrom is { } from ? $"version {from} brought back as version {draft.History.Number}" : null,
            cancellationToken);
        return OperationResult<DraftDetails>.Ok(Details(draft, files));
    }

    public async Task<OperationResult<DraftDetails>> DuplicateAsync(long id, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } original)
        {
            return OperationResult<DraftDetails>.From(NotFound());
        }

        var name = $"Copy of {original.Name}";
        var copy = await CreateAsync(
            new DraftInput(name.Length > DraftRules.MaxNameLength ? name[..DraftRules.MaxNameLength] : name, original.SubjectTemplate, original.BodyTemplate, original.Recipients, original.Cc)
            {
                Layout = original.Layout,
                Tracking = new TrackingRequest(original.Tracking.Opens, original.Tracking.Clicks),
                Attachments = original.Attachments.Select(a => a.MediaId).ToList(),
            },
            actingUser,
            cancellationToken);
        if (copy.Succeeded)
        {
            await auditLog.RecordAsync(Actor.From(actingUser), DraftAuditActions.Duplicated, original.Name, $"as {copy.Value!.Name}", cancellationToken);
        }

        return copy;
    }

    public async Task<OperationResult> DeleteAsync(long id, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.EmailDrafts.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (draft is null)
        {
            return NotFound();
        }

        db.EmailDrafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.RecordAsync(Actor.From(actingUser), DraftAuditActions.Deleted, draft.Name, null, cancellationToken);
        return OperationResult.Ok();
    }

    public static RecipientSelection SelectionOf(EmailDraft draft) => new(
        draft.RecipientsAll,
        draft.ChosenRecipients.Select(r => r.NonprofitId).Order().ToList(),
        new DirectoryFilter(draft.RecipientsSearch, draft.RecipientsDomain, draft.RecipientsTag));

    private void Apply(EmailDraft draft, ValidDraft valid, Actor actor)
    {
        draft.Name = valid.Name;
        draft.SubjectTemplate = valid.SubjectTemplate;
        draft.BodyTemplate = valid.BodyTemplate;
        draft.RecipientsAll = valid.Recipients.All;
        draft.RecipientsSearch = Blank(valid.Recipients.Filter.Search);
        draft.RecipientsDomain = Blank(valid.Recipients.Filter.Domain);
        draft.RecipientsTag = Blank(valid.Recipients.Filter.Tag);
        draft.ChosenRecipients.RemoveAll(r => !valid.Recipients.Ids.Contains(r.NonprofitId));
        draft.ChosenRecipients.AddRange(valid.Recipients.Ids
            .Where(id => draft.ChosenRecipients.All(r => r.NonprofitId != id))
            .Select(id => new DraftRecipient { NonprofitId = id }));
        draft.Attachments.RemoveAll(a => !valid.Attachments.Contains(a.MediaFileId));
        foreach (var (mediaId, position) in valid.Attachments.Select((mediaId, position) => (mediaId, position)))
        {
            if (draft.Attachments.Find(a => a.MediaFileId == mediaId) is { } kept)
            {
                kept.Position = position;
            }
            else
            {
                draft.Attachments.Add(new DraftAttachment { MediaFileId = mediaId, Position = position });
            }
        }

        draft.CcAddresses = string.Join(CcSeparator, valid.Cc);
        draft.LayoutId = valid.Layout.UseLayout ? valid.Layout.LayoutId : null;
        draft.UseLayout = valid.Layout.UseLayout;
        draft.UpdatedBy = actor.Name;
        draft.UpdatedAt = time.GetUtcNow();
        draft.Version++;
    }

    /// <summary>The CC addresses of <paramref name="draft"/>, in their order.</summary>
    public static IReadOnlyList<string> CcOf(EmailDraft draft) => draft.CcAddresses.Split(CcSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static void ApplyTracking(EmailDraft draft, TrackingChoice tracking) => (draft.TrackOpens, draft.TrackClicks) = (tracking.Opens, tracking.Clicks);

    private static DraftDetails Details(EmailDraft draft, IReadOnlyList<AttachedFile> attachments) => new(
        draft.Id,
        draft.Name,
        draft.SubjectTemplate,
        draft.BodyTemplate,
        SelectionOf(draft),
        CcOf(draft),
        draft.CreatedBy,
        draft.UpdatedBy,
        draft.CreatedAt,
        draft.UpdatedAt,
        draft.Version)
    {
        Layout = new LayoutChoice(draft.LayoutId, draft.UseLayout),
        Tracking = new TrackingChoice(draft.TrackOpens, draft.TrackClicks),
        Attachments = attachments,
    };

    /// <summary>The library's files for <paramref name="ids"/>, in that order; ids it does not hold are left out.</summary>
    internal static async Task<IReadOnlyList<AttachedFile>> FilesAsync(AppDbContext db, IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var files = await db.MediaFiles.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new AttachedFile(f.Id, f.Name, f.ContentType, f.Bytes)).ToListAsync(cancellationToken);
        return ids.Select(id => files.FirstOrDefault(f => f.MediaId == id)).OfType<AttachedFile>().ToList();
    }

    private async Task<(IReadOnlyList<AttachedFile> Files, OperationResult? Problem)> AttachmentsAsync(AppDbContext db, ValidDraft draft, CancellationToken cancellationToken)
    {
        var files = await FilesAsync(db, draft.Attachments, cancellationToken);
        return DraftRules.AttachmentsProblem(draft.Attachments, files, campaignsOptions.Value.MaxAttachmentBytes) is { } problem
            ? (files, OperationResult.Invalid("attachments", problem))
            : (files, null);
    }

    private static async Task<OperationResult?> MissingLayoutAsync(AppDbContext db, ValidDraft draft, CancellationToken cancellationToken) =>
        draft.Layout is { UseLayout: true, LayoutId: { } layoutId } && !await db.EmailLayouts.AnyAsync(l => l.Id == layoutId, cancellationToken)
            ? OperationResult.Invalid("layoutId", $"There is no layout {layoutId} (any more): choose another, or none for the default layout.")
            : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static OperationResult ChangedMeanwhile(EmailDraft current) => OperationResult.Conflict(
        $"{current.UpdatedBy} saved this draft at {current.UpdatedAt:yyyy-MM-dd HH:mm} UTC, after you opened it. Reload to see their version; your changes are still on screen to copy.");

    private async Task<bool> VersionExistsAsync(long draftId, int number, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.DraftVersions.AnyAsync(v => v.DraftId == draftId && v.Number == number, cancellationToken);
    }

    private static OperationResult SavedAtTheSameMoment() =>
        OperationResult.Conflict("Someone else saved this draft at the same moment. Reload it to see their changes.");

    private static OperationResult NotFound() => OperationResult.NotFound("That draft does not exist (any more).");
}

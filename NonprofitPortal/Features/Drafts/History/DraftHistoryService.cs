using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Drafts.History;

/// <summary>Reads a draft's versions, compares one with the current draft and restores one (through the draft's normal save).</summary>
public sealed class DraftHistoryService(IDbContextFactory<AppDbContext> contextFactory, DraftService drafts)
{
    /// <returns>Newest first; null when the draft does not exist.</returns>
    public async Task<IReadOnlyList<DraftVersionSummary>?> ListAsync(long draftId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.EmailDrafts.AnyAsync(d => d.Id == draftId, cancellationToken))
        {
            return null;
        }

        return await db.DraftVersions.AsNoTracking().Where(v => v.DraftId == draftId).OrderByDescending(v => v.Number)
            .Select(v => new DraftVersionSummary(v.Number, v.Kind, v.RestoredFrom, v.SavedBy, v.SavedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<DraftVersionDetails?> FindAsync(long draftId, int number, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await FindAsync(db, draftId, number, cancellationToken);
    }

    public async Task<OperationResult<DraftComparison>> CompareAsync(long draftId, int number, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var draft = await db.EmailDrafts.AsNoTracking().Include(d => d.ChosenRecipients).Include(d => d.Attachments).SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null || await FindAsync(db, draftId, number, cancellationToken) is not { } version)
        {
            return OperationResult<DraftComparison>.From(NotFound(number));
        }

        var current = DraftContent.Of(draft);
        var layoutIds = new[] { version.Content.LayoutId, current.LayoutId }.OfType<long>().ToList();
        var fileIds = version.Content.Attachments.Concat(current.Attachments).Distinct().ToList();
        var nonprofitIds = version.Content.RecipientIds.Concat(current.RecipientIds).Distinct().ToList();
        var names = new DiffNames(
            await db.EmailLayouts.AsNoTracking().Where(l => layoutIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken),
            await db.MediaFiles.AsNoTracking().Where(f => fileIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken),
            await db.Nonprofits.AsNoTracking().Where(n => nonprofitIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, cancellationToken));
        return OperationResult<DraftComparison>.Ok(DraftDiff.Between(version.Version, version.Content, current, names));
    }

    /// <summary>
    /// Saves the version's content as the draft's, as a new version. Nonprofits, files and the
    /// layout deleted since drop out, as they drop out of drafts when deleted.
    /// </summary>
    /// <param name="expectedVersion">The draft's <see cref="DraftDetails.Version"/> the user saw; null to restore over whatever is there.</param>
    public async Task<OperationResult<DraftDetails>> RestoreAsync(long draftId, int number, int? expectedVersion, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        DraftContent content;
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await FindAsync(db, draftId, number, cancellationToken) is not { } version)
            {
                return OperationResult<DraftDetails>.From(NotFound(number));
            }

            content = await StillExistingAsync(db, version.Content, cancellationToken);
        }

        return await drafts.UpdateAsync(draftId, content.ToInput(), expectedVersion, DraftSaveReason.Restore(number), actingUser, cancellationToken);
    }

    private static async Task<DraftContent> StillExistingAsync(AppDbContext db, DraftContent content, CancellationToken cancellationToken)
    {
        var nonprofits = await db.Nonprofits.Where(n => content.RecipientIds.Contains(n.Id)).Select(n => n.Id).ToListAsync(cancellationToken);
        var files = await db.MediaFiles.Where(f => content.Attachments.Contains(f.Id)).Select(f => f.Id).ToListAsync(cancellationToken);
        var layoutExists = content.LayoutId is not { } layoutId || await db.EmailLayouts.AnyAsync(l => l.Id == layoutId, cancellationToken);
        return content with
        {
            RecipientIds = content.RecipientIds.Where(nonprofits.Contains).ToList(),
            Attachments = content.Attachments.Where(files.Contains).ToList(),
            LayoutId = layoutExists ? content.LayoutId : null,
        };
    }

    private static async Task<DraftVersionDetails?> FindAsync(AppDbContext db, long draftId, int number, CancellationToken cancellationToken)
    {
        var version = await db.DraftVersions.AsNoTracking().SingleOrDefaultAsync(v => v.DraftId == draftId && v.Number == number, cancellationToken);
        return version is null
            ? null
            : new DraftVersionDetails(new DraftVersionSummary(version.Number, version.Kind, version.RestoredFrom, version.SavedBy, version.SavedAt), DraftContent.Deserialize(version.Content));
    }

    private static OperationResult NotFound(int number) => OperationResult.NotFound($"That draft has no version {number}.");
}

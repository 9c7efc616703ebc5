using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Accounts;
using NonprofitPortal.Features.Campaigns;
using NonprofitPortal.Features.Media.Storage;
using NonprofitPortal.Features.Operations;

namespace NonprofitPortal.Features.Media;

/// <summary>The media library: uploads checked by their content, kept in the configured store, listed, served and deleted.</summary>
public sealed class MediaService(
    IDbContextFactory<AppDbContext> contextFactory,
    IMediaStore store,
    PublicAddress publicAddress,
    AuditLog auditLog,
    IOptions<MediaOptions> options,
    IOptions<CampaignsOptions> campaignsOptions,
    TimeProvider time,
    ILogger<MediaService> logger)
{
    private const int MaxListed = 500;

    public long MaxImageBytes => options.Value.MaxImageBytes;

    /// <summary>Keeps an image whose content is PNG, JPEG, GIF or WebP and not over <c>Media:MaxImageBytes</c>.</summary>
    public async Task<OperationResult<MediaDetails>> UploadImageAsync(string? fileName, Stream content, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var bytes = await ReadAtMostAsync(content, MaxImageBytes + 1, cancellationToken);
        var (contentType, problem) = MediaRules.CheckImage(bytes, MaxImageBytes);
        return await KeepAsync(fileName, contentType, problem, bytes, actingUser, cancellationToken);
    }

    /// <summary>Keeps an image (as <see cref="UploadImageAsync"/>) or a document a draft may attach, up to <c>Campaigns:MaxAttachmentBytes</c>.</summary>
    public async Task<OperationResult<MediaDetails>> UploadAsync(string? fileName, Stream content, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        var maxAttachmentBytes = campaignsOptions.Value.MaxAttachmentBytes;
        var bytes = await ReadAtMostAsync(content, Math.Max(MaxImageBytes, maxAttachmentBytes) + 1, cancellationToken);
        var (contentType, problem) = MediaRules.CheckUpload(fileName, bytes, MaxImageBytes, maxAttachmentBytes);
        return await KeepAsync(fileName, contentType, problem, bytes, actingUser, cancellationToken);
    }

    /// <summary>The files whose name or uploader contains <paramref name="search"/>, newest first (at most 500).</summary>
    public async Task<IReadOnlyList<MediaDetails>> SearchAsync(string? search, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.MediaFiles.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(f => f.Name.Contains(term) || f.UploadedBy.ToLower().Contains(term));
        }

        var files = await query.OrderByDescending(f => f.Id).Take(MaxListed).ToListAsync(cancellationToken);
        return files.Select(Details).ToList();
    }

    public async Task<MediaDetails?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        return file is null ? null : Details(file);
    }

    /// <summary>
    /// Where the file shows: by its address in the campaigns' frozen bodies and in drafts, layouts
    /// and templates (an image is referred to by its URL, whatever host it was written with), and as an attachment.
    /// </summary>
    public async Task<MediaUsage> UsageAsync(long id, CancellationToken cancellationToken)
    {
        var marker = MediaRules.Marker(id);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return new MediaUsage(
            await db.Campaigns.CountAsync(c => c.BodyTemplate.Contains(marker) || db.CampaignAttachments.Any(a => a.CampaignId == c.Id && a.MediaFileId == id), cancellationToken),
            await db.EmailDrafts.CountAsync(d => d.BodyTemplate.Contains(marker) || d.Attachments.Any(a => a.MediaFileId == id), cancellationToken),
            await db.EmailLayouts.CountAsync(l => l.Html.Contains(marker), cancellationToken),
            await db.DraftTemplates.CountAsync(t => t.BodyTemplate.Contains(marker) || t.Attachments.Any(a => a.MediaFileId == id), cancellationToken));
    }

    /// <summary>Deletes a file no campaign uses; drafts, layouts and templates that show it lose the image, those that attach it the attachment.</summary>
    public async Task<OperationResult> DeleteAsync(long id, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.MediaFiles.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is null)
        {
            return OperationResult.NotFound("That file does not exist (any more).");
        }

        if (MediaRules.DeleteProblem(await UsageAsync(id, cancellationToken)) is { } problem)
        {
            return OperationResult.Conflict(problem);
        }

        db.MediaFiles.Remove(file);
        auditLog.Add(db, Actor.From(actingUser), MediaAuditActions.Deleted, file.Name, null);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(id, cancellationToken);
        return OperationResult.Ok();
    }

    /// <summary>The file to serve at <c>/media/{id}/{name}</c>; null unless both match.</summary>
    public async Task<MediaDownload?> DownloadAsync(long id, string name, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var file = await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (file is null || file.Name != name || await store.ReadAsync(id, cancellationToken) is not { } content)
        {
            return null;
        }

        return new MediaDownload(file.Name, file.ContentType, file.UploadedAt, content);
    }

    private async Task<OperationResult<MediaDetails>> KeepAsync(
        string? fileName, string? contentType, string? problem, byte[] bytes, ClaimsPrincipal actingUser, CancellationToken cancellationToken)
    {
        if (problem is not null)
        {
            return OperationResult<MediaDetails>.From(OperationResult.Invalid("file", problem));
        }

        var actor = Actor.From(actingUser);
        var file = new MediaFile
        {
            Name = MediaRules.FileName(fileName, contentType!),
            ContentType = contentType!,
            Bytes = bytes.Length,
            UploadedById = actor.Id,
            UploadedBy = actor.Name,
            UploadedAt = time.GetUtcNow(),
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.MediaFiles.Add(file);
        auditLog.Add(db, actor, MediaAuditActions.Uploaded, file.Name, $"{file.ContentType}, {MediaRules.Size(file.Bytes)}");
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await store.SaveAsync(file.Id, bytes, cancellationToken);
        }
        catch
        {
            // A file whose bytes were not kept must not be listed.
            await db.MediaFiles.Where(f => f.Id == file.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw;
        }

        logger.LogInformation("Kept {Name} ({ContentType}, {Bytes} bytes) as media {MediaId}", file.Name, file.ContentType, file.Bytes, file.Id);
        return OperationResult<MediaDetails>.Ok(Details(file));
    }

    private MediaDetails Details(MediaFile file) =>
        new(file.Id, file.Name, file.ContentType, file.Bytes, file.UploadedBy, file.UploadedAt, publicAddress.Link(MediaRules.RelativeUrl(file.Id, file.Name)));

    private static async Task<byte[]> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

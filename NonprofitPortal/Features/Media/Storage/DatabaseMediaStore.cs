using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Media.Storage;

/// <summary>The default store: files in the database beside everything else, so one backup keeps them all.</summary>
public sealed class DatabaseMediaStore(IDbContextFactory<AppDbContext> contextFactory) : IMediaStore
{
    public async Task SaveAsync(long id, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.MediaContents.Add(new MediaContent { MediaFileId = id, Data = content.ToArray() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.MediaContents.Where(c => c.MediaFileId == id).Select(c => c.Data).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task DeleteAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.MediaContents.Where(c => c.MediaFileId == id).ExecuteDeleteAsync(cancellationToken);
    }
}

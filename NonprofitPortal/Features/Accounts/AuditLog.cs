using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Accounts;

/// <summary>Records who did what, and lets admins read it back newest first.</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> contextFactory, TimeProvider time)
{
    public async Task RecordAsync(Actor actor, string action, string? subject, string? details, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        Add(db, actor, action, subject, details);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds an entry to <paramref name="db"/> without saving: for a change that must be audited in its own transaction.</summary>
    public void Add(AppDbContext db, Actor actor, string action, string? subject, string? details) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            ActorId = actor.Id,
            ActorName = Truncate(actor.Name, 256),
            Action = action,
            Subject = subject is null ? null : Truncate(subject, 256),
            Details = details is null ? null : Truncate(details, 2000),
        });

    public async Task<PagedResult<AuditEntry>> SearchAsync(string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToLowerInvariant();
            query = query.Where(e => e.ActorName.ToLower().Contains(term)
                || e.Action.Contains(term)
                || (e.Subject != null && e.Subject.ToLower().Contains(term)));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(items, total);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

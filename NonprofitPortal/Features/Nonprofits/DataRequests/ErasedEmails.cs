using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Campaigns.Tokens;

namespace NonprofitPortal.Features.Nonprofits.DataRequests;

/// <summary>
/// The suppression list of erased addresses. Its key lives in the <c>SigningKeys</c> table (row
/// <c>erased-emails</c>), made by the first node that needs it, so every node hashes alike.
/// </summary>
public sealed class ErasedEmails(SigningKeys keys)
{
    public const string KeyName = "erased-emails";

    private readonly Lazy<byte[]> _key = new(() => keys.GetOrCreate(KeyName, 32));

    public string HashOf(string email) => ErasedEmailHash.Of(_key.Value, email);

    /// <summary>
    /// Loads (the first time: makes) the key now. Call it before opening a transaction that will
    /// hash: on SQLite, making the key inside one waits on that transaction's own write lock.
    /// </summary>
    public void EnsureKey() => _ = _key.Value;

    /// <summary>When each of <paramref name="emails"/> that was erased was erased, keyed by the address as given.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> ErasedAmongAsync(AppDbContext db, IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        if (emails.Count == 0)
        {
            return [];
        }

        var byHash = emails.Distinct(StringComparer.Ordinal).ToDictionary(HashOf, email => email, StringComparer.Ordinal);
        var hashes = byHash.Keys.ToList();
        var erased = await db.ErasedEmails.Where(e => hashes.Contains(e.Hash)).Select(e => new { e.Hash, e.ErasedAt }).ToListAsync(cancellationToken);
        return erased.ToDictionary(e => byHash[e.Hash], e => e.ErasedAt, StringComparer.Ordinal);
    }

    /// <summary>The message for an import row or a create whose address was erased.</summary>
    public static string ErasedMessage(DateTimeOffset erasedAt) =>
        $"This address was erased on request on {erasedAt.UtcDateTime:yyyy-MM-dd}, so it is not added again by accident. "
        + "If the organisation asked to be added again, add it on its own with \"readdErased\": true (POST /api/nonprofits).";
}

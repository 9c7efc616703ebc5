using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Campaigns.Tokens;

/// <summary>
/// Keys in the <c>SigningKeys</c> table, each made by the first node that needs it. Stored as they
/// are, like the Data Protection keys beside them: whoever reads the database can forge tokens.
/// </summary>
public sealed class SigningKeys(IDbContextFactory<AppDbContext> contextFactory, TimeProvider time)
{
    /// <summary>
    /// The key called <paramref name="name"/>, made of <paramref name="length"/> random bytes when there
    /// is none yet. Synchronous, for callers that load a key once and keep it.
    /// </summary>
    public byte[] GetOrCreate(string name, int length)
    {
        if (Stored(name) is { } stored)
        {
            return stored;
        }

        using var db = contextFactory.CreateDbContext();
        var key = RandomNumberGenerator.GetBytes(length);
        db.SigningKeys.Add(new SigningKey { Name = name, Key = key, CreatedAt = time.GetUtcNow() });
        try
        {
            db.SaveChanges();
            return key;
        }
        catch (DbUpdateException) when (Stored(name) is { } theirs)
        {
            // Another node stored one at the same moment (the name is the primary key): every node uses that one.
            return theirs;
        }
    }

    private byte[]? Stored(string name)
    {
        using var db = contextFactory.CreateDbContext();
        return db.SigningKeys.Where(k => k.Name == name).Select(k => k.Key).SingleOrDefault();
    }
}

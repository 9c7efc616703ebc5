using Microsoft.EntityFrameworkCore;
using NonprofitPortal.Data;

namespace NonprofitPortal.Features.Campaigns.Reports;

/// <summary>
/// Adds to one hour of a campaign's activity in one statement that inserts the hour's row or adds to
/// it: with several nodes recording at once, neither can miss the other's row or write it twice.
/// </summary>
public static class CampaignActivityCounts
{
    /// <summary>SQLite and PostgreSQL: an insert that adds to the row on conflict.</summary>
    public const string OnConflictSql = """
        INSERT INTO "CampaignActivity" ("CampaignId", "Hour", "Sent", "Failed", "Bounced", "Complained", "Opens", "Clicks")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7})
        ON CONFLICT ("CampaignId", "Hour") DO UPDATE SET
            "Sent" = "CampaignActivity"."Sent" + excluded."Sent",
            "Failed" = "CampaignActivity"."Failed" + excluded."Failed",
            "Bounced" = "CampaignActivity"."Bounced" + excluded."Bounced",
            "Complained" = "CampaignActivity"."Complained" + excluded."Complained",
            "Opens" = "CampaignActivity"."Opens" + excluded."Opens",
            "Clicks" = "CampaignActivity"."Clicks" + excluded."Clicks"
        """;

    /// <summary>SQL Server: a MERGE holding the key range until it commits, so two can never both insert.</summary>
    public const string SqlServerSql = """
        MERGE "CampaignActivity" WITH (HOLDLOCK) AS a
        USING (VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}))
            AS n ("CampaignId", "Hour", "Sent", "Failed", "Bounced", "Complained", "Opens", "Clicks")
        ON a."CampaignId" = n."CampaignId" AND a."Hour" = n."Hour"
        WHEN MATCHED THEN UPDATE SET
            "Sent" = a."Sent" + n."Sent",
            "Failed" = a."Failed" + n."Failed",
            "Bounced" = a."Bounced" + n."Bounced",
            "Complained" = a."Complained" + n."Complained",
            "Opens" = a."Opens" + n."Opens",
            "Clicks" = a."Clicks" + n."Clicks"
        WHEN NOT MATCHED THEN INSERT ("CampaignId", "Hour", "Sent", "Failed", "Bounced", "Complained", "Opens", "Clicks")
            VALUES (n."CampaignId", n."Hour", n."Sent", n."Failed", n."Bounced", n."Complained", n."Opens", n."Clicks");
        """;

    public static string SqlFor(AppDbContext db) => db is SqlServerAppDbContext ? SqlServerSql : OnConflictSql;

    /// <summary>Adds <paramref name="counts"/> to the hour of <paramref name="at"/>, inside the caller's transaction.</summary>
    public static async Task AddAsync(AppDbContext db, long campaignId, DateTimeOffset at, ActivityCounts counts, CancellationToken cancellationToken)
    {
        if (counts.IsEmpty)
        {
            return;
        }

        await db.Database.ExecuteSqlRawAsync(
            SqlFor(db),
            [campaignId, ActivityHours.Of(at), counts.Sent, counts.Failed, counts.Bounced, counts.Complained, counts.Opens, counts.Clicks],
            cancellationToken);
    }
}

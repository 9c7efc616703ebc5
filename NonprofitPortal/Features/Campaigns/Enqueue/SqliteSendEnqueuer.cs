using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Campaigns.Enqueue;

/// <summary>SQLite: one prepared insert reused for every row, which is as fast as SQLite inserts go.</summary>
internal sealed class SqliteSendEnqueuer : ISendEnqueuer
{
    private static readonly DateTimeOffsetToBinaryConverter Stored = new();

    public async Task InsertAsync(AppDbContext db, long campaignId, DateTimeOffset dueAt, IReadOnlyList<NonprofitSummary> recipients, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        insert.CommandText = """
            INSERT INTO "EmailSends" ("CampaignId", "NonprofitId", "Email", "Name", "Address", "Tags", "Status", "Attempts", "NextAttemptAt")
            VALUES ($campaign, $nonprofit, $email, $name, $address, $tags, 0, 0, $due)
            """;
        insert.Parameters.AddWithValue("$campaign", campaignId);
        insert.Parameters.AddWithValue("$due", Stored.ConvertToProvider(dueAt));
        var nonprofit = insert.Parameters.Add("$nonprofit", SqliteType.Integer);
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var address = insert.Parameters.Add("$address", SqliteType.Text);
        var tags = insert.Parameters.Add("$tags", SqliteType.Text);
        insert.Prepare();
        foreach (var recipient in recipients)
        {
            nonprofit.Value = recipient.Id;
            email.Value = recipient.Email;
            name.Value = recipient.Name;
            address.Value = recipient.Address;
            tags.Value = RecipientSnapshot.Tags(recipient);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

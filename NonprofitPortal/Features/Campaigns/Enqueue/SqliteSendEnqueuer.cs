using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Campaigns.Enqueue;

/// <summary>
/// SQLite: one prepared insert per thousand rows, the rows passed as one JSON array. The insert
/// trigger that feeds the log's search index (EmailSendSearch) makes FTS5 write its pending terms
/// out at the end of every statement, so one row per statement cost four times as much; and
/// thousands of named parameters bind slowly in Microsoft.Data.Sqlite, one JSON parameter does not.
/// </summary>
internal sealed class SqliteSendEnqueuer : ISendEnqueuer
{
    private const int RowsPerStatement = 1000;
    private static readonly DateTimeOffsetToBinaryConverter Stored = new();

    public async Task InsertAsync(AppDbContext db, long campaignId, DateTimeOffset dueAt, IReadOnlyList<NonprofitSummary> recipients, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        insert.CommandText = """
            INSERT INTO "EmailSends" ("CampaignId", "NonprofitId", "Email", "Name", "Address", "Tags", "Status", "Attempts", "NextAttemptAt")
            SELECT $campaign, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 0, 0, $due FROM json_each($rows)
            """;
        insert.Parameters.AddWithValue("$campaign", campaignId);
        insert.Parameters.AddWithValue("$due", Stored.ConvertToProvider(dueAt));
        var rows = insert.Parameters.Add("$rows", SqliteType.Text);
        insert.Prepare();
        var buffer = new ArrayBufferWriter<byte>();
        foreach (var chunk in recipients.Chunk(RowsPerStatement))
        {
            buffer.ResetWrittenCount();
            rows.Value = Json(buffer, chunk);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string Json(ArrayBufferWriter<byte> buffer, NonprofitSummary[] chunk)
    {
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var recipient in chunk)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(recipient.Id);
                writer.WriteStringValue(recipient.Email);
                writer.WriteStringValue(recipient.Name);
                writer.WriteStringValue(recipient.Address);
                writer.WriteStringValue(RecipientSnapshot.Tags(recipient));
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Campaigns.Enqueue;

/// <summary>PostgreSQL: binary COPY, the fastest way in; it joins the open transaction.</summary>
internal sealed class PostgresSendEnqueuer : ISendEnqueuer
{
    public async Task InsertAsync(AppDbContext db, long campaignId, DateTimeOffset dueAt, IReadOnlyList<NonprofitSummary> recipients, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            """COPY "EmailSends" ("CampaignId", "NonprofitId", "Email", "Name", "Address", "Tags", "Status", "Attempts", "NextAttemptAt") FROM STDIN (FORMAT BINARY)""",
            cancellationToken);
        foreach (var recipient in recipients)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(campaignId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(recipient.Id, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(recipient.Email, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(recipient.Name, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(recipient.Address, NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(RecipientSnapshot.Tags(recipient), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync((int)SendStatus.Pending, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(dueAt, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }
}

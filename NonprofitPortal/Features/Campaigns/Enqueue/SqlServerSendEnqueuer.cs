using System.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NonprofitPortal.Data;
using NonprofitPortal.Features.Nonprofits;

namespace NonprofitPortal.Features.Campaigns.Enqueue;

/// <summary>SQL Server: SqlBulkCopy inside the open transaction.</summary>
internal sealed class SqlServerSendEnqueuer : ISendEnqueuer
{
    public async Task InsertAsync(AppDbContext db, long campaignId, DateTimeOffset dueAt, IReadOnlyList<NonprofitSummary> recipients, CancellationToken cancellationToken)
    {
        var connection = (SqlConnection)db.Database.GetDbConnection();
        var transaction = (SqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        using var rows = new DataTable();
        rows.Columns.Add("CampaignId", typeof(long));
        rows.Columns.Add("NonprofitId", typeof(long));
        rows.Columns.Add("Email", typeof(string));
        rows.Columns.Add("Name", typeof(string));
        rows.Columns.Add("Address", typeof(string));
        rows.Columns.Add("Tags", typeof(string));
        rows.Columns.Add("Status", typeof(int));
        rows.Columns.Add("Attempts", typeof(int));
        rows.Columns.Add("NextAttemptAt", typeof(DateTimeOffset));
        foreach (var recipient in recipients)
        {
            rows.Rows.Add(campaignId, recipient.Id, recipient.Email, recipient.Name, recipient.Address, RecipientSnapshot.Tags(recipient), (int)SendStatus.Pending, 0, dueAt);
        }

        using var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.CheckConstraints, transaction) { DestinationTableName = "EmailSends" };
        foreach (DataColumn column in rows.Columns)
        {
            bulk.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await bulk.WriteToServerAsync(rows, cancellationToken);
    }
}

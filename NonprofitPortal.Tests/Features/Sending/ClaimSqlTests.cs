using NonprofitPortal.Features.Sending.Queue;
using NonprofitPortal.Tests.Data;

namespace NonprofitPortal.Tests.Features.Sending;

/// <summary>
/// SQL Server cannot run here, so its claim is checked as text; SQLite's and PostgreSQL's run
/// for real in the campaign tests.
/// </summary>
public sealed class ClaimSqlTests
{
    [Fact]
    public void Sql_server_claims_skip_locked_rows_and_return_what_they_leased_in_one_statement()
    {
        using var model = ProviderModel.SqlServer();

        var sql = model.Get<SendQueue>().ClaimSql;

        Assert.IsType<SqlServerSendQueue>(model.Get<SendQueue>());
        Assert.StartsWith("UPDATE TOP (@limit) s", sql);
        Assert.Contains("FROM \"EmailSends\" AS s WITH (READPAST, UPDLOCK, ROWLOCK)", sql);
        Assert.Contains("OUTPUT inserted.\"Id\", inserted.\"CampaignId\", inserted.\"NonprofitId\", inserted.\"Email\", inserted.\"Name\", inserted.\"Address\", inserted.\"Tags\", inserted.\"Attempts\"", sql);
        Assert.Contains("WHERE s.\"CampaignId\" = @campaign AND s.\"Status\" = 0 AND s.\"NextAttemptAt\" <= @now", sql);
        Assert.Contains("\"LeaseOwner\" = @owner, \"LeaseExpiresAt\" = @leaseUntil, \"Attempts\" = s.\"Attempts\" + 1", sql);
    }

    [Fact]
    public void Postgres_claims_skip_rows_other_workers_have_locked()
    {
        using var model = ProviderModel.Postgres();

        var sql = model.Get<SendQueue>().ClaimSql;

        Assert.IsType<PostgresSendQueue>(model.Get<SendQueue>());
        Assert.Contains("FOR UPDATE SKIP LOCKED", sql);
        Assert.Contains("RETURNING s.\"Id\"", sql);
    }

    [Fact]
    public void Outcomes_are_written_by_primary_key_only_where_the_writer_still_holds_the_lease()
    {
        Assert.Contains("WHERE \"Id\" = @id AND \"LeaseOwner\" = @owner AND \"Status\" IN (0, 1)", SendQueue.RecordOutcomeSql);
        Assert.Contains("\"LeaseOwner\" = NULL", SendQueue.RecordOutcomeSql);
    }

    [Fact]
    public void Sqlite_claims_in_a_single_update_that_returns_the_rows()
    {
        using var model = ProviderModel.Sqlite();

        var sql = model.Get<SendQueue>().ClaimSql;

        Assert.IsType<SqliteSendQueue>(model.Get<SendQueue>());
        Assert.StartsWith("UPDATE \"EmailSends\"", sql);
        Assert.Contains("LIMIT @limit)", sql);
        Assert.Contains("RETURNING \"Id\"", sql);
    }
}

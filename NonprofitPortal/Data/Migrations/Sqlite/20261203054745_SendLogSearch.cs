using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SendLogSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Not in the EF model: SQLite's full-text index of the campaign logs' names and emails, kept in step by
            // triggers (the drain's updates leave Name and Email alone, so they never fire it). A later migration
            // that rebuilds EmailSends must create the triggers again.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE EmailSendSearch USING fts5(
                    Name, Email,
                    content='EmailSends', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER EmailSends_SearchInsert AFTER INSERT ON EmailSends BEGIN
                    INSERT INTO EmailSendSearch(rowid, Name, Email) VALUES (new.Id, new.Name, new.Email);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER EmailSends_SearchDelete AFTER DELETE ON EmailSends BEGIN
                    INSERT INTO EmailSendSearch(EmailSendSearch, rowid, Name, Email) VALUES ('delete', old.Id, old.Name, old.Email);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER EmailSends_SearchUpdate AFTER UPDATE OF Name, Email ON EmailSends BEGIN
                    INSERT INTO EmailSendSearch(EmailSendSearch, rowid, Name, Email) VALUES ('delete', old.Id, old.Name, old.Email);
                    INSERT INTO EmailSendSearch(rowid, Name, Email) VALUES (new.Id, new.Name, new.Email);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO EmailSendSearch(EmailSendSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER EmailSends_SearchUpdate;");
            migrationBuilder.Sql("DROP TRIGGER EmailSends_SearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER EmailSends_SearchInsert;");
            migrationBuilder.Sql("DROP TABLE EmailSendSearch;");
        }
    }
}

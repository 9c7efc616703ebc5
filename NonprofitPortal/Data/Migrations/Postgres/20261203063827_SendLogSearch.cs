using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SendLogSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Not in the EF model: the campaign logs' word index, a table of its own so that the drain's updates of
            // EmailSends (status, lease, reply) never write a GIN index. Statement triggers fill it from inserts
            // (COPY included) and empty it on deletes; a row trigger follows the rare changes of a name or email.
            migrationBuilder.Sql("""
                CREATE FUNCTION "EmailSendSearchWords"(name text, email text) RETURNS tsvector
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT to_tsvector('simple'::regconfig, name || ' ' || translate(email, '@.', '  ')) $$;
                """);
            migrationBuilder.Sql("""
                CREATE TABLE "EmailSendSearch" (
                    "SendId" bigint PRIMARY KEY,
                    "CampaignId" bigint NOT NULL,
                    "Words" tsvector NOT NULL);
                """);
            migrationBuilder.Sql("""CREATE INDEX "IX_EmailSendSearch_Words" ON "EmailSendSearch" USING GIN ("Words");""");
            migrationBuilder.Sql("""
                CREATE FUNCTION "EmailSendSearch_Inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "EmailSendSearch" ("SendId", "CampaignId", "Words")
                    SELECT "Id", "CampaignId", "EmailSendSearchWords"("Name", "Email") FROM inserted;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "EmailSendSearch_Deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM "EmailSendSearch" WHERE "SendId" IN (SELECT "Id" FROM deleted);
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "EmailSendSearch_Renamed"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE "EmailSendSearch" SET "Words" = "EmailSendSearchWords"(NEW."Name", NEW."Email") WHERE "SendId" = NEW."Id";
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "EmailSends_SearchInsert" AFTER INSERT ON "EmailSends"
                REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION "EmailSendSearch_Inserted"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "EmailSends_SearchDelete" AFTER DELETE ON "EmailSends"
                REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION "EmailSendSearch_Deleted"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "EmailSends_SearchUpdate" AFTER UPDATE OF "Name", "Email" ON "EmailSends"
                FOR EACH ROW WHEN (OLD."Name" IS DISTINCT FROM NEW."Name" OR OLD."Email" IS DISTINCT FROM NEW."Email")
                EXECUTE FUNCTION "EmailSendSearch_Renamed"();
                """);
            migrationBuilder.Sql("""
                INSERT INTO "EmailSendSearch" ("SendId", "CampaignId", "Words")
                SELECT "Id", "CampaignId", "EmailSendSearchWords"("Name", "Email") FROM "EmailSends";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "EmailSends_SearchUpdate" ON "EmailSends";""");
            migrationBuilder.Sql("""DROP TRIGGER "EmailSends_SearchDelete" ON "EmailSends";""");
            migrationBuilder.Sql("""DROP TRIGGER "EmailSends_SearchInsert" ON "EmailSends";""");
            migrationBuilder.Sql("""DROP FUNCTION "EmailSendSearch_Renamed"();""");
            migrationBuilder.Sql("""DROP FUNCTION "EmailSendSearch_Deleted"();""");
            migrationBuilder.Sql("""DROP FUNCTION "EmailSendSearch_Inserted"();""");
            migrationBuilder.Sql("""DROP TABLE "EmailSendSearch";""");
            migrationBuilder.Sql("""DROP FUNCTION "EmailSendSearchWords"(text, text);""");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NonprofitDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Nonprofits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SortName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    EmailDomain = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    OptedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nonprofits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NonprofitTags",
                columns: table => new
                {
                    NonprofitId = table.Column<long>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NonprofitTags", x => new { x.NonprofitId, x.Name });
                    table.ForeignKey(
                        name: "FK_NonprofitTags_Nonprofits_NonprofitId",
                        column: x => x.NonprofitId,
                        principalTable: "Nonprofits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_EmailDomain_SortName",
                table: "Nonprofits",
                columns: new[] { "EmailDomain", "SortName" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_NormalizedEmail",
                table: "Nonprofits",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_SortName_Id",
                table: "Nonprofits",
                columns: new[] { "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_UpdatedAt",
                table: "Nonprofits",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_NonprofitTags_Name_NonprofitId",
                table: "NonprofitTags",
                columns: new[] { "Name", "NonprofitId" });

            // Not in the EF model: SQLite's full-text index of the directory, kept in step by triggers.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE NonprofitSearch USING fts5(
                    Name, Email, Address,
                    content='Nonprofits', content_rowid='Id',
                    tokenize='unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Nonprofits_SearchInsert AFTER INSERT ON Nonprofits BEGIN
                    INSERT INTO NonprofitSearch(rowid, Name, Email, Address) VALUES (new.Id, new.Name, new.Email, new.Address);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Nonprofits_SearchDelete AFTER DELETE ON Nonprofits BEGIN
                    INSERT INTO NonprofitSearch(NonprofitSearch, rowid, Name, Email, Address) VALUES ('delete', old.Id, old.Name, old.Email, old.Address);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER Nonprofits_SearchUpdate AFTER UPDATE OF Name, Email, Address ON Nonprofits BEGIN
                    INSERT INTO NonprofitSearch(NonprofitSearch, rowid, Name, Email, Address) VALUES ('delete', old.Id, old.Name, old.Email, old.Address);
                    INSERT INTO NonprofitSearch(rowid, Name, Email, Address) VALUES (new.Id, new.Name, new.Email, new.Address);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Nonprofits_SearchUpdate;");
            migrationBuilder.Sql("DROP TRIGGER Nonprofits_SearchDelete;");
            migrationBuilder.Sql("DROP TRIGGER Nonprofits_SearchInsert;");
            migrationBuilder.Sql("DROP TABLE NonprofitSearch;");

            migrationBuilder.DropTable(
                name: "NonprofitTags");

            migrationBuilder.DropTable(
                name: "Nonprofits");
        }
    }
}

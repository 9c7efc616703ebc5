using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DraftHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "History_ContentHash",
                table: "EmailDrafts",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "History_Kind",
                table: "EmailDrafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "History_Number",
                table: "EmailDrafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "History_SavedBy",
                table: "EmailDrafts",
                type: "TEXT",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "History_StartedAt",
                table: "EmailDrafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "DraftVersions",
                columns: table => new
                {
                    DraftId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RestoredFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    SavedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SavedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftVersions", x => new { x.DraftId, x.Number });
                    table.ForeignKey(
                        name: "FK_DraftVersions_EmailDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "EmailDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DraftVersions");

            migrationBuilder.DropColumn(
                name: "History_ContentHash",
                table: "EmailDrafts");

            migrationBuilder.DropColumn(
                name: "History_Kind",
                table: "EmailDrafts");

            migrationBuilder.DropColumn(
                name: "History_Number",
                table: "EmailDrafts");

            migrationBuilder.DropColumn(
                name: "History_SavedBy",
                table: "EmailDrafts");

            migrationBuilder.DropColumn(
                name: "History_StartedAt",
                table: "EmailDrafts");
        }
    }
}

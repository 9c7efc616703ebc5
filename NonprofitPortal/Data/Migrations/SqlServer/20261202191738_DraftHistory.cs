using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.SqlServer
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
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "History_Kind",
                table: "EmailDrafts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "History_Number",
                table: "EmailDrafts",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "History_SavedBy",
                table: "EmailDrafts",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "History_StartedAt",
                table: "EmailDrafts",
                type: "datetimeoffset",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "DraftVersions",
                columns: table => new
                {
                    DraftId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    RestoredFrom = table.Column<int>(type: "int", nullable: true),
                    SavedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    SavedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ContentHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Content = table.Column<string>(type: "nvarchar(max)", nullable: false)
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

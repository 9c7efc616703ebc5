using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Drafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmailDrafts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubjectTemplate = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    BodyTemplate = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    RecipientsAll = table.Column<bool>(type: "bit", nullable: false),
                    RecipientsSearch = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RecipientsDomain = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: true),
                    RecipientsTag = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    CcAddresses = table.Column<string>(type: "nvarchar(2550)", maxLength: 2550, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DraftRecipients",
                columns: table => new
                {
                    DraftId = table.Column<long>(type: "bigint", nullable: false),
                    NonprofitId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftRecipients", x => new { x.DraftId, x.NonprofitId });
                    table.ForeignKey(
                        name: "FK_DraftRecipients_EmailDrafts_DraftId",
                        column: x => x.DraftId,
                        principalTable: "EmailDrafts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DraftRecipients_Nonprofits_NonprofitId",
                        column: x => x.NonprofitId,
                        principalTable: "Nonprofits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DraftRecipients_NonprofitId",
                table: "DraftRecipients",
                column: "NonprofitId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailDrafts_UpdatedAt",
                table: "EmailDrafts",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DraftRecipients");

            migrationBuilder.DropTable(
                name: "EmailDrafts");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApprovalAndDataRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RejectionReason",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewedAt",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedById",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ErasedEmails",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ErasedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ErasedEmails", x => x.Hash);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ErasedEmails");

            migrationBuilder.DropColumn(
                name: "RejectionReason",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ReviewedAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ReviewedBy",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ReviewedById",
                table: "Campaigns");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Postgres
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
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewedAt",
                table: "Campaigns",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedBy",
                table: "Campaigns",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedById",
                table: "Campaigns",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ErasedEmails",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "character varying(64)", unicode: false, maxLength: 64, nullable: false),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

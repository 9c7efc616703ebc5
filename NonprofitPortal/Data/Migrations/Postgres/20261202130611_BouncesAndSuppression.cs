using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BouncesAndSuppression : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuppressedAt",
                table: "Nonprofits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SuppressionClearedAt",
                table: "Nonprofits",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuppressionReason",
                table: "Nonprofits",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Bounced",
                table: "Campaigns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Complained",
                table: "Campaigns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "BounceMailboxes",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastPolledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Processed = table.Column<long>(type: "bigint", nullable: false),
                    Unparsed = table.Column<int>(type: "integer", nullable: false),
                    UnparsedSummary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BounceMailboxes", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "DeliveryEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SendId = table.Column<long>(type: "bigint", nullable: true),
                    CampaignId = table.Column<long>(type: "bigint", nullable: true),
                    NonprofitId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeliveryEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeliveryEvents_Nonprofits_NonprofitId",
                        column: x => x.NonprofitId,
                        principalTable: "Nonprofits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_SuppressedAt",
                table: "Nonprofits",
                column: "SuppressedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_NonprofitId_Kind_At",
                table: "DeliveryEvents",
                columns: new[] { "NonprofitId", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_SendId_Kind",
                table: "DeliveryEvents",
                columns: new[] { "SendId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_Source_ExternalId",
                table: "DeliveryEvents",
                columns: new[] { "Source", "ExternalId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BounceMailboxes");

            migrationBuilder.DropTable(
                name: "DeliveryEvents");

            migrationBuilder.DropIndex(
                name: "IX_Nonprofits_SuppressedAt",
                table: "Nonprofits");

            migrationBuilder.DropColumn(
                name: "SuppressedAt",
                table: "Nonprofits");

            migrationBuilder.DropColumn(
                name: "SuppressionClearedAt",
                table: "Nonprofits");

            migrationBuilder.DropColumn(
                name: "SuppressionReason",
                table: "Nonprofits");

            migrationBuilder.DropColumn(
                name: "Bounced",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Complained",
                table: "Campaigns");
        }
    }
}

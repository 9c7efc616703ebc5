using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CampaignActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampaignActivity",
                columns: table => new
                {
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    Sent = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Bounced = table.Column<int>(type: "INTEGER", nullable: false),
                    Complained = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<int>(type: "INTEGER", nullable: false),
                    Clicks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignActivity", x => new { x.CampaignId, x.Hour });
                    table.ForeignKey(
                        name: "FK_CampaignActivity_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeliveryEvents_CampaignId_Kind",
                table: "DeliveryEvents",
                columns: new[] { "CampaignId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignActivity_Hour",
                table: "CampaignActivity",
                column: "Hour");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignActivity");

            migrationBuilder.DropIndex(
                name: "IX_DeliveryEvents_CampaignId_Kind",
                table: "DeliveryEvents");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SendLogIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_EmailSends_CampaignId_Email",
                table: "EmailSends",
                columns: new[] { "CampaignId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailSends_CampaignId_Id",
                table: "EmailSends",
                columns: new[] { "CampaignId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailSends_CampaignId_Status_Id",
                table: "EmailSends",
                columns: new[] { "CampaignId", "Status", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EmailSends_CampaignId_Email",
                table: "EmailSends");

            migrationBuilder.DropIndex(
                name: "IX_EmailSends_CampaignId_Id",
                table: "EmailSends");

            migrationBuilder.DropIndex(
                name: "IX_EmailSends_CampaignId_Status_Id",
                table: "EmailSends");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DraftId = table.Column<long>(type: "INTEGER", nullable: true),
                    SubjectTemplate = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BodyTemplate = table.Column<string>(type: "TEXT", nullable: false),
                    CcAddresses = table.Column<string>(type: "TEXT", maxLength: 2550, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SenderEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Sent = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 651, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EmailSends",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    NonprofitId = table.Column<long>(type: "INTEGER", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ServerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ServerReply = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailSends", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmailSends_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EmailSends_Nonprofits_NonprofitId",
                        column: x => x.NonprofitId,
                        principalTable: "Nonprofits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_CreatedAt",
                table: "Campaigns",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_IdempotencyKey",
                table: "Campaigns",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Status_Id",
                table: "Campaigns",
                columns: new[] { "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailSends_CampaignId_NonprofitId",
                table: "EmailSends",
                columns: new[] { "CampaignId", "NonprofitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailSends_CampaignId_Status_NextAttemptAt",
                table: "EmailSends",
                columns: new[] { "CampaignId", "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EmailSends_LeaseExpiresAt",
                table: "EmailSends",
                column: "LeaseExpiresAt",
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_EmailSends_NonprofitId",
                table: "EmailSends",
                column: "NonprofitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmailSends");

            migrationBuilder.DropTable(
                name: "Campaigns");
        }
    }
}

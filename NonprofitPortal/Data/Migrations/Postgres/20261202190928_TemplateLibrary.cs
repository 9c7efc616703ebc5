using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TemplateLibrary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DraftTemplates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SubjectTemplate = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    BodyTemplate = table.Column<string>(type: "text", nullable: false),
                    LayoutId = table.Column<long>(type: "bigint", nullable: true),
                    UseLayout = table.Column<bool>(type: "boolean", nullable: false, defaultValue: true),
                    CcAddresses = table.Column<string>(type: "character varying(2550)", maxLength: 2550, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DraftTemplates_EmailLayouts_LayoutId",
                        column: x => x.LayoutId,
                        principalTable: "EmailLayouts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SeededStarterTemplates",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SeededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeededStarterTemplates", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "DraftTemplateAttachments",
                columns: table => new
                {
                    TemplateId = table.Column<long>(type: "bigint", nullable: false),
                    MediaFileId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DraftTemplateAttachments", x => new { x.TemplateId, x.MediaFileId });
                    table.ForeignKey(
                        name: "FK_DraftTemplateAttachments_DraftTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "DraftTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DraftTemplateAttachments_MediaFiles_MediaFileId",
                        column: x => x.MediaFileId,
                        principalTable: "MediaFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DraftTemplateAttachments_MediaFileId",
                table: "DraftTemplateAttachments",
                column: "MediaFileId");

            migrationBuilder.CreateIndex(
                name: "IX_DraftTemplates_LayoutId",
                table: "DraftTemplates",
                column: "LayoutId");

            migrationBuilder.CreateIndex(
                name: "IX_DraftTemplates_Name",
                table: "DraftTemplates",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DraftTemplateAttachments");

            migrationBuilder.DropTable(
                name: "SeededStarterTemplates");

            migrationBuilder.DropTable(
                name: "DraftTemplates");
        }
    }
}

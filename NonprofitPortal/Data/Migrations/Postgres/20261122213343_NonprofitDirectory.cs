using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NonprofitDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Nonprofits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    EmailDomain = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    OptedOutAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SearchText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SearchVector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "to_tsvector('simple'::regconfig, \"SearchText\")", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nonprofits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NonprofitTags",
                columns: table => new
                {
                    NonprofitId = table.Column<long>(type: "bigint", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NonprofitTags", x => new { x.NonprofitId, x.Name });
                    table.ForeignKey(
                        name: "FK_NonprofitTags_Nonprofits_NonprofitId",
                        column: x => x.NonprofitId,
                        principalTable: "Nonprofits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_EmailDomain_SortName",
                table: "Nonprofits",
                columns: new[] { "EmailDomain", "SortName" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_NormalizedEmail",
                table: "Nonprofits",
                column: "NormalizedEmail",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_SearchVector",
                table: "Nonprofits",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_SortName_Id",
                table: "Nonprofits",
                columns: new[] { "SortName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Nonprofits_UpdatedAt",
                table: "Nonprofits",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_NonprofitTags_Name_NonprofitId",
                table: "NonprofitTags",
                columns: new[] { "Name", "NonprofitId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NonprofitTags");

            migrationBuilder.DropTable(
                name: "Nonprofits");
        }
    }
}

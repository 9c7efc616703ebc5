using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SendLogSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "EmailSends",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('simple'::regconfig, \"Name\" || ' ' || translate(\"Email\", '@.', '  '))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_EmailSends_SearchVector",
                table: "EmailSends",
                column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_EmailSends_SearchVector",
                table: "EmailSends");

            migrationBuilder.DropColumn(
                name: "SearchVector",
                table: "EmailSends");
        }
    }
}

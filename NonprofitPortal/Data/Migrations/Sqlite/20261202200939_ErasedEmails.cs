using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ErasedEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NonprofitPortal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmailLayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "LayoutId",
                table: "EmailDrafts",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "UseLayout",
                table: "EmailDrafts",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentTemplate",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LayoutId",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LayoutName",
                table: "Campaigns",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EmailLayouts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Html = table.Column<string>(type: "TEXT", nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmailLayouts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EmailDrafts_LayoutId",
                table: "EmailDrafts",
                column: "LayoutId");

            migrationBuilder.CreateIndex(
                name: "IX_EmailLayouts_IsDefault",
                table: "EmailLayouts",
                column: "IsDefault");

            migrationBuilder.AddForeignKey(
                name: "FK_EmailDrafts_EmailLayouts_LayoutId",
                table: "EmailDrafts",
                column: "LayoutId",
                principalTable: "EmailLayouts",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_EmailDrafts_EmailLayouts_LayoutId",
                table: "EmailDrafts");

            migrationBuilder.DropTable(
                name: "EmailLayouts");

            migrationBuilder.DropIndex(
                name: "IX_EmailDrafts_LayoutId",
                table: "EmailDrafts");

            migrationBuilder.DropColumn(
                name: "LayoutId",
                table: "EmailDrafts");

            migrationBuilder.DropColumn(
                name: "UseLayout",
                table: "EmailDrafts");

            migrationBuilder.DropColumn(
                name: "ContentTemplate",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "LayoutId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "LayoutName",
                table: "Campaigns");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DtcNotify.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class h19privacy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContentSha256",
                table: "notifications",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tlp",
                table: "cases",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "archived_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Threat = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Suppression = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Tlp = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PurgedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_archived_cases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_archived_cases_CreatedAt",
                table: "archived_cases",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "archived_cases");

            migrationBuilder.DropColumn(
                name: "ContentSha256",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "Tlp",
                table: "cases");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DtcNotify.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H17Shadowserver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "shadowserver_downloads",
                columns: table => new
                {
                    ReportId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    File = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ReportDate = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Holder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClaimExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: true),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shadowserver_downloads", x => x.ReportId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_shadowserver_downloads_Status",
                table: "shadowserver_downloads",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shadowserver_downloads");
        }
    }
}

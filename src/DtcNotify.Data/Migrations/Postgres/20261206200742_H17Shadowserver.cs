using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DtcNotify.Data.Migrations.Postgres
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
                    ReportId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    File = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ReportDate = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ClaimExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ImportId = table.Column<long>(type: "bigint", nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DtcNotify.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class H16Card : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FeedName",
                table: "observations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceReverseDns",
                table: "observations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CloseReason",
                table: "cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FeedName",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "SourceReverseDns",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "CloseReason",
                table: "cases");
        }
    }
}

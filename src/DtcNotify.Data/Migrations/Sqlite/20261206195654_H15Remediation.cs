using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DtcNotify.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H15Remediation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "EarliestSeen",
                table: "imports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportKey",
                table: "imports",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AbsentReports",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "FirstAbsentAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FollowUpProposedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUps",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "LastNotifiedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotifiedChannel",
                table: "cases",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Remediation",
                table: "cases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemediationAddresses",
                table: "cases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RemediationClaimedBy",
                table: "cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemediationClaimedUntil",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemediationEvent",
                table: "cases",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemediationImportId",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemediationPostedImportId",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemediationReport",
                table: "cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemediationSource",
                table: "cases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ResolvedAt",
                table: "cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_cases_RemediationImportId",
                table: "cases",
                column: "RemediationImportId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_RemediationSource_RemediationReport",
                table: "cases",
                columns: new[] { "RemediationSource", "RemediationReport" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_cases_RemediationImportId",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_RemediationSource_RemediationReport",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "EarliestSeen",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "AbsentReports",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FirstAbsentAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FollowUpProposedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FollowUps",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "LastNotifiedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "NotifiedChannel",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Remediation",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RemediationAddresses",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RemediationClaimedBy",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RemediationClaimedUntil",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RemediationEvent",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RemediationImportId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RemediationPostedImportId",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RemediationReport",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "RemediationSource",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ResolvedAt",
                table: "cases");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DtcNotify.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RemediationMailboxPrivacyShadowserver : Migration
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
                name: "ContentSha256",
                table: "notifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "EarliestSeen",
                table: "imports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportKey",
                table: "imports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EmailUndeliverable",
                table: "contacts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "AbsentReports",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CloseReason",
                table: "cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstAbsentAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FollowUpProposedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FollowUps",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastNotifiedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastReplyAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotifiedChannel",
                table: "cases",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PostAttemptedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PostUncertainSince",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Remediation",
                table: "cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RemediationAddresses",
                table: "cases",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RemediationClaimedBy",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RemediationClaimedUntil",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemediationEvent",
                table: "cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemediationImportId",
                table: "cases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RemediationPostedImportId",
                table: "cases",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemediationReport",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemediationSource",
                table: "cases",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ResolvedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Tlp",
                table: "cases",
                type: "character varying(12)",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "archived_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Threat = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Severity = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Sector = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Suppression = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Tlp = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FollowUps = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Remediation = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PurgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_archived_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_mail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Fingerprint = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Transport = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TransportId = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    MessageId = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CaseId = table.Column<long>(type: "bigint", nullable: true),
                    NotificationId = table.Column<long>(type: "bigint", nullable: true),
                    MatchedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    From = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Bytes = table.Column<long>(type: "bigint", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Attachments = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PostClaimedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_mail", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inbound_mail_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inbound_mail_notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mailbox_cursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Value = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mailbox_cursors", x => x.Name);
                });

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
                name: "IX_cases_RemediationImportId",
                table: "cases",
                column: "RemediationImportId");

            migrationBuilder.CreateIndex(
                name: "IX_cases_RemediationSource_RemediationReport",
                table: "cases",
                columns: new[] { "RemediationSource", "RemediationReport" });

            migrationBuilder.CreateIndex(
                name: "IX_archived_cases_CreatedAt",
                table: "archived_cases",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_inbound_mail_CaseId",
                table: "inbound_mail",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_inbound_mail_Fingerprint",
                table: "inbound_mail",
                column: "Fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_mail_NotificationId",
                table: "inbound_mail",
                column: "NotificationId");

            migrationBuilder.CreateIndex(
                name: "IX_inbound_mail_PostedAt_Kind",
                table: "inbound_mail",
                columns: new[] { "PostedAt", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_mail_Transport_TransportId",
                table: "inbound_mail",
                columns: new[] { "Transport", "TransportId" });

            migrationBuilder.CreateIndex(
                name: "IX_shadowserver_downloads_Status",
                table: "shadowserver_downloads",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "archived_cases");

            migrationBuilder.DropTable(
                name: "inbound_mail");

            migrationBuilder.DropTable(
                name: "mailbox_cursors");

            migrationBuilder.DropTable(
                name: "shadowserver_downloads");

            migrationBuilder.DropIndex(
                name: "IX_cases_RemediationImportId",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_RemediationSource_RemediationReport",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "FeedName",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "SourceReverseDns",
                table: "observations");

            migrationBuilder.DropColumn(
                name: "ContentSha256",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "EarliestSeen",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "ReportKey",
                table: "imports");

            migrationBuilder.DropColumn(
                name: "EmailUndeliverable",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "AbsentReports",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "CloseReason",
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
                name: "LastReplyAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "NotifiedChannel",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "PostAttemptedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "PostUncertainSince",
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

            migrationBuilder.DropColumn(
                name: "Tlp",
                table: "cases");
        }
    }
}

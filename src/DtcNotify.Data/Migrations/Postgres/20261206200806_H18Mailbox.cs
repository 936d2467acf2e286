using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DtcNotify.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class H18Mailbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "EmailUndeliverable",
                table: "contacts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastReplyAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inbound_mail");

            migrationBuilder.DropTable(
                name: "mailbox_cursors");

            migrationBuilder.DropColumn(
                name: "EmailUndeliverable",
                table: "contacts");

            migrationBuilder.DropColumn(
                name: "LastReplyAt",
                table: "cases");
        }
    }
}

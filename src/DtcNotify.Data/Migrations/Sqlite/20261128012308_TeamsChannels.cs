using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DtcNotify.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TeamsChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teams_channels",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TeamName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TeamAadGroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InstalledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_teams_channels", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_teams_channels_TenantId_TeamId",
                table: "teams_channels",
                columns: new[] { "TenantId", "TeamId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "teams_channels");
        }
    }
}

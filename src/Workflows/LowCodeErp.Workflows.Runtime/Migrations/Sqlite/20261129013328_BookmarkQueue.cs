using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCodeErp.Workflows.Runtime.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BookmarkQueue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkflowBookmarkQueue",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CorrelationId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    InputJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowBookmarkQueue", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarkQueue_ExpiresAt",
                table: "WorkflowBookmarkQueue",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowBookmarkQueue_Hash",
                table: "WorkflowBookmarkQueue",
                column: "Hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkflowBookmarkQueue");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCodeErp.Workflows.Runtime.Migrations.PostgreSql
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
                    Id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    CorrelationId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    InputJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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

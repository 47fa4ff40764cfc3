using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCodeErp.HumanTasks.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HumanTaskCandidates",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    DefinitionId = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Priority = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DueOrder = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HumanTaskCandidates", x => new { x.TaskId, x.Kind, x.Name });
                });

            // Existing unassigned tasks get their candidate rows (later changes keep them in step).
            migrationBuilder.Sql("""
                INSERT INTO [HumanTaskCandidates] ([TaskId], [Kind], [Name], [DefinitionId], [Priority], [CreatedAt], [DueAt], [DueOrder])
                SELECT l.[TaskId], l.[Kind], l.[Name], t.[DefinitionId], t.[Priority], t.[CreatedAt], t.[DueAt], COALESCE(t.[DueAt], CAST('9999-01-01T00:00:00+00:00' AS datetimeoffset))
                FROM [HumanTaskLinks] l JOIN [HumanTasks] t ON t.[Id] = l.[TaskId]
                WHERE t.[Status] = N'Unassigned' AND l.[Kind] IN (N'U', N'R')
                """);

            migrationBuilder.CreateIndex(
                name: "IX_HumanTaskCandidates_DueOrder",
                table: "HumanTaskCandidates",
                columns: new[] { "Kind", "Name", "DueOrder", "TaskId", "DefinitionId" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTaskCandidates_Priority",
                table: "HumanTaskCandidates",
                columns: new[] { "Kind", "Name", "Priority", "CreatedAt", "TaskId", "DefinitionId" },
                descending: new[] { false, false, true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HumanTaskCandidates");
        }
    }
}

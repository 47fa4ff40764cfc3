using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using System.Globalization;

#nullable disable

namespace LowCodeErp.HumanTasks.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        // SQLite stores DateTimeOffset through DateTimeOffsetToBinaryConverter (see SqliteHumanTasksDbContext).
        private static readonly string NoDueDate = ((long)new DateTimeOffsetToBinaryConverter()
            .ConvertToProvider(LowCodeErp.HumanTasks.Persistence.TaskCandidateRecord.NoDueDate)!).ToString(CultureInfo.InvariantCulture);

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HumanTaskCandidates",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DueOrder = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HumanTaskCandidates", x => new { x.TaskId, x.Kind, x.Name });
                });

            // Existing unassigned tasks get their candidate rows (later changes keep them in step).
            migrationBuilder.Sql($"""
                INSERT INTO "HumanTaskCandidates" ("TaskId", "Kind", "Name", "DefinitionId", "Priority", "CreatedAt", "DueAt", "DueOrder")
                SELECT l."TaskId", l."Kind", l."Name", t."DefinitionId", t."Priority", t."CreatedAt", t."DueAt", COALESCE(t."DueAt", {NoDueDate})
                FROM "HumanTaskLinks" l JOIN "HumanTasks" t ON t."Id" = l."TaskId"
                WHERE t."Status" = 'Unassigned' AND l."Kind" IN ('U', 'R')
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCodeErp.HumanTasks.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InboxIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "HumanTaskCandidates",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DefinitionId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DueOrder = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HumanTaskCandidates", x => new { x.TaskId, x.Kind, x.Name });
                });

            // Existing unassigned tasks get their candidate rows (later changes keep them in step).
            migrationBuilder.Sql("""
                INSERT INTO "HumanTaskCandidates" ("TaskId", "Kind", "Name", "DefinitionId", "Priority", "CreatedAt", "DueAt", "DueOrder")
                SELECT l."TaskId", l."Kind", l."Name", t."DefinitionId", t."Priority", t."CreatedAt", t."DueAt", COALESCE(t."DueAt", TIMESTAMPTZ '9999-01-01 00:00:00+00')
                FROM "HumanTaskLinks" l JOIN "HumanTasks" t ON t."Id" = l."TaskId"
                WHERE t."Status" = 'Unassigned' AND l."Kind" IN ('U', 'R')
                """);

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_BusinessKey_Trigram",
                table: "HumanTasks",
                column: "BusinessKey")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_Description_Trigram",
                table: "HumanTasks",
                column: "Description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_Title_Trigram",
                table: "HumanTasks",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

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

            migrationBuilder.DropIndex(
                name: "IX_HumanTasks_BusinessKey_Trigram",
                table: "HumanTasks");

            migrationBuilder.DropIndex(
                name: "IX_HumanTasks_Description_Trigram",
                table: "HumanTasks");

            migrationBuilder.DropIndex(
                name: "IX_HumanTasks_Title_Trigram",
                table: "HumanTasks");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}

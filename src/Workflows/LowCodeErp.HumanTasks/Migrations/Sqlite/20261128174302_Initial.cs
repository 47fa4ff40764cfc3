using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCodeErp.HumanTasks.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HumanTaskHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Details = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HumanTaskHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HumanTaskLinks",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 1, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HumanTaskLinks", x => new { x.TaskId, x.Kind, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "HumanTaskVariables",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HumanTaskVariables", x => new { x.TaskId, x.Name });
                });

            migrationBuilder.CreateTable(
                name: "HumanTasks",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    BookmarkId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    BusinessKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CandidateUsersJson = table.Column<string>(type: "TEXT", nullable: false),
                    CandidateRolesJson = table.Column<string>(type: "TEXT", nullable: false),
                    ExcludedUsersJson = table.Column<string>(type: "TEXT", nullable: false),
                    OutcomesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CommentRequiredJson = table.Column<string>(type: "TEXT", nullable: false),
                    FormJson = table.Column<string>(type: "TEXT", nullable: false),
                    VariablesJson = table.Column<string>(type: "TEXT", nullable: false),
                    DataJson = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HumanTasks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTaskHistory_TaskId_Id",
                table: "HumanTaskHistory",
                columns: new[] { "TaskId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTaskHistory_UserName",
                table: "HumanTaskHistory",
                column: "UserName");

            migrationBuilder.CreateIndex(
                name: "IX_HumanTaskLinks_Kind_Name_TaskId",
                table: "HumanTaskLinks",
                columns: new[] { "Kind", "Name", "TaskId" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTaskVariables_Name_Value",
                table: "HumanTaskVariables",
                columns: new[] { "Name", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_Assignee_Status_DueAt",
                table: "HumanTasks",
                columns: new[] { "Assignee", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_BusinessKey",
                table: "HumanTasks",
                column: "BusinessKey");

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_CompletedBy",
                table: "HumanTasks",
                column: "CompletedBy");

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_GroupId",
                table: "HumanTasks",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_InstanceId",
                table: "HumanTasks",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_Owner_Status",
                table: "HumanTasks",
                columns: new[] { "Owner", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HumanTasks_Status_DueAt",
                table: "HumanTasks",
                columns: new[] { "Status", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HumanTaskHistory");

            migrationBuilder.DropTable(
                name: "HumanTaskLinks");

            migrationBuilder.DropTable(
                name: "HumanTaskVariables");

            migrationBuilder.DropTable(
                name: "HumanTasks");
        }
    }
}

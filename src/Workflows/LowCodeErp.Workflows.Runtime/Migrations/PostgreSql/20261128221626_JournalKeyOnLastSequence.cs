using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCodeErp.Workflows.Runtime.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class JournalKeyOnLastSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkflowJournalSegments",
                table: "WorkflowJournalSegments");

            migrationBuilder.DropIndex(
                name: "IX_WorkflowJournalSegments_InstanceId_LastSequence",
                table: "WorkflowJournalSegments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkflowJournalSegments",
                table: "WorkflowJournalSegments",
                columns: new[] { "InstanceId", "LastSequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_WorkflowJournalSegments",
                table: "WorkflowJournalSegments");

            migrationBuilder.AddPrimaryKey(
                name: "PK_WorkflowJournalSegments",
                table: "WorkflowJournalSegments",
                columns: new[] { "InstanceId", "FirstSequence" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowJournalSegments_InstanceId_LastSequence",
                table: "WorkflowJournalSegments",
                columns: new[] { "InstanceId", "LastSequence" });
        }
    }
}

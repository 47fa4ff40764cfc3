using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCodeErp.Workflows.Runtime.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JournalSegments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One journal row per burst instead of one per entry (see JournalSegmentRecord). Before the first release
            // the old rows are diagnostics only, so they are dropped rather than converted.
            migrationBuilder.DropTable(
                name: "WorkflowJournal");

            migrationBuilder.CreateTable(
                name: "WorkflowJournalSegments",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FirstSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    EntriesJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowJournalSegments", x => new { x.InstanceId, x.FirstSequence });
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowJournalSegments_InstanceId_LastSequence",
                table: "WorkflowJournalSegments",
                columns: new[] { "InstanceId", "LastSequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkflowJournalSegments");

            migrationBuilder.CreateTable(
                name: "WorkflowJournal",
                columns: table => new
                {
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActivityInstanceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActivityName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ActivityNodeId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ActivityType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EventName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: true),
                    ParentActivityInstanceId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowJournal", x => new { x.InstanceId, x.Sequence });
                });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LowCodeErp.Workflows.Runtime.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class BookmarkQueuePayload : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PayloadJson",
                table: "WorkflowBookmarkQueue",
                type: "nvarchar(max)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PayloadJson",
                table: "WorkflowBookmarkQueue");
        }
    }
}

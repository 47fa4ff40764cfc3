using FluentAssertions;
using LowCodeErp.Cli.Tests.Infrastructure;

namespace LowCodeErp.Cli.Tests;

/// <summary>
/// <c>erp validate</c> on invalid input: exit 1 and exactly one <c>file:json-path: message (activity id)</c> line per
/// error on stderr, for every kind of error the loader and validator report.
/// </summary>
public sealed class ValidateErrorFormatTests
{
    public static TheoryData<string, string> ErrorKinds => new()
    {
        { "malformed.json", "$: malformed JSON at line 4, position 1: Expected start of a property name or value, but instead reached end of data" },
        { "unknown-activity-type.json", "$.root.activities[1].type: unknown activity type 'Acme.DoesNotExist' (activity mystery)" },
        { "dangling-connection.json", "$.root.connections[0].target.activity: connection ends at unknown activity 'ghost' (activity fc)" },
        { "duplicate-id.json", "$.root.activities[1].id: duplicate activity id 'twin' (also at $.root.activities[0]) (activity twin)" },
        { "unknown-variable.json", "$.root.activities[0].variable: unknown variable 'Missing' (activity set)" },
        { "csharp-expression.json", "$.root.activities[0].text.expression.type: CSharp expressions are not supported (use JavaScript or Liquid) (activity say)" },
        { "python-expression.json", "$.root.activities[0].text.expression.type: Python expressions are not supported (use JavaScript or Liquid) (activity say)" },
        { "missing-required-input.json", "$.root.activities[0].eventName: required input 'EventName' is missing (activity wait)" },
    };

    [Theory]
    [MemberData(nameof(ErrorKinds))]
    public async Task Each_error_is_one_line_on_stderr_with_file_path_message_and_activity(string fileName, string expected)
    {
        var file = ErpCli.Data("Invalid", fileName);

        var result = await ErpCli.RunAsync("validate", file);

        result.ExitCode.Should().Be(1, result.ToString());
        result.ErrorLines.Should().Equal($"{file}:{expected}");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task A_folder_reports_the_errors_of_every_file_and_only_errors()
    {
        var result = await ErpCli.RunAsync("validate", ErpCli.Data("Invalid"), ErpCli.Data("Valid"));

        result.ExitCode.Should().Be(1);
        result.ErrorLines.Should().HaveCount(ErrorKinds.Count);
        result.ErrorLines.Should().OnlyContain(line => line.StartsWith(ErpCli.Data("Invalid"), StringComparison.Ordinal));
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Relative_paths_are_reported_as_given()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, ErpCli.Data("Invalid", "duplicate-id.json"));

        var result = await ErpCli.RunAsync("validate", relative);

        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith(relative + ":$.root.activities[1].id: ");
    }
}

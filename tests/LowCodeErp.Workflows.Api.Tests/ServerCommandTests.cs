using FluentAssertions;
using LowCodeErp.Server.Commands;

namespace LowCodeErp.Workflows.Api.Tests;

/// <summary>How the server binary splits a maintenance verb's options from the host's own settings.</summary>
public sealed class ServerCommandTests
{
    [Fact]
    public void NoVerb_Should_LeaveEveryArgumentToTheHost()
    {
        var command = ServerCommand.Parse(["--urls", "http://127.0.0.1:5001", "--Workflows:Folder=flows"]);

        command.Verb.Should().BeNull();
        command.HostArguments.Should().Equal("--urls", "http://127.0.0.1:5001", "--Workflows:Folder=flows");
        Rejection(command).Should().BeNull();
    }

    [Theory]
    [InlineData("--folder", "out")]
    [InlineData("--folder=out")]
    public void Export_Should_TakeItsFolderInEitherForm_AndPassHostSettingsOn(params string[] folder)
    {
        var command = ServerCommand.Parse(["export-workflows", .. folder, "--latest", "--force", "--ConnectionStrings:Workflows=Data Source=x.db", "--contentRoot", "/srv"]);

        command.Verb.Should().Be("export-workflows");
        (command.Folder, command.Latest, command.Force).Should().Be(("out", true, true));
        command.HostArguments.Should().Equal("--ConnectionStrings:Workflows=Data Source=x.db", "--contentRoot", "/srv");
        Rejection(command).Should().BeNull();
    }

    [Theory]
    [InlineData("unknown argument '--lastest'", "export-workflows", "--lastest")]
    [InlineData("unknown argument 'stray'", "export-workflows", "stray")]
    [InlineData("unknown argument '--foldr'", "export-workflows", "--foldr", "out")]
    [InlineData("unknown argument '--latest=true'", "export-workflows", "--latest=true")]
    [InlineData("--folder needs a directory", "export-workflows", "--folder", "")]
    [InlineData("--folder needs a directory", "export-workflows", "--folder", "--latest")]
    [InlineData("export-workflows must be the first argument", "--contentRoot", "/srv", "export-workflows")]
    public void Export_Should_RejectWhatItDoesNotUnderstand_BeforeAnythingStarts(string message, params string[] args)
    {
        var errors = new StringWriter();

        ServerCommand.Parse(args).Reject(TextWriter.Null, errors).Should().Be(2);

        errors.ToString().Should().StartWith(message).And.Contain("usage: LowCodeErp.Server export-workflows");
    }

    [Fact]
    public void Help_Should_PrintTheUsage_AndSucceed()
    {
        var output = new StringWriter();

        ServerCommand.Parse(["export-workflows", "--help"]).Reject(output, TextWriter.Null).Should().Be(0);

        output.ToString().Should().Contain("--latest").And.Contain("--force");
    }

    private static int? Rejection(ServerCommand command) => command.Reject(TextWriter.Null, TextWriter.Null);
}

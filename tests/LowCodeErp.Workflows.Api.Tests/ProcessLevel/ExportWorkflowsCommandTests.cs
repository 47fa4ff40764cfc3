using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace LowCodeErp.Workflows.Api.Tests.ProcessLevel;

/// <summary>
/// <c>LowCodeErp.Server export-workflows</c>: what was changed through the API (as in Studio) goes back into the
/// <c>workflows/</c> folder, into the file that holds it, with the server's own configuration.
/// </summary>
public sealed class ExportWorkflowsCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "erp-export-" + Guid.NewGuid().ToString("N")[..10]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Workflows => Path.Combine(_root, "workflows");

    [Fact]
    public async Task ExportWorkflows_Should_WriteAStudioEditBackIntoItsOwnFile_AndLeaveTheOthersUntouched()
    {
        CrashFlows.WriteAll(Path.Combine(Workflows, "operations"));
        var before = Directory.GetFiles(Workflows, "*.json", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        using (var server = await ServerProcess.StartAsync(_root, Ct))
        {
            var model = (await server.Client.GetFromJsonAsync<JsonObject>(
                $"/elsa/api/workflow-definitions/by-definition-id/{CrashFlows.Waiting}?versionOptions=Published", Ct))!;
            model["name"] = "Renamed in Studio";
            (await server.Client.PostAsJsonAsync("/elsa/api/workflow-definitions", new JsonObject { ["model"] = model, ["publish"] = true }, Ct))
                .EnsureSuccessStatusCode();
        }

        var (exitCode, output, errors) = await ServerProcess.RunVerbAsync(_root, ["export-workflows"], Ct);

        exitCode.Should().Be(0, errors);
        output.Should().Contain($"wrote operations/{CrashFlows.Waiting}.json").And.Contain("1 written, 2 unchanged");
        var edited = Path.Combine(Workflows, "operations", CrashFlows.Waiting + ".json");
        JsonNode.Parse(File.ReadAllText(edited))!["name"]!.ToString().Should().Be("Renamed in Studio");
        foreach (var (file, text) in before.Where(f => f.Key != edited))
        {
            File.ReadAllText(file).Should().Be(text, "an unchanged definition's file is not rewritten");
        }

        Directory.GetFiles(Workflows, "*.json", SearchOption.AllDirectories).Should().HaveCount(before.Count, "nothing is written beside the folder's own files");
    }

    [Fact]
    public async Task ExportWorkflows_Should_RefuseAnUnmigratedDatabase_AndCreateNone()
    {
        CrashFlows.WriteAll(Workflows);

        var (exitCode, output, errors) = await ServerProcess.RunVerbAsync(_root, ["export-workflows"], Ct);

        exitCode.Should().Be(1, output);
        errors.Should().Contain("The workflows database lacks").And.Contain("start the server once");
        File.Exists(Path.Combine(_root, "data", "workflows.db")).Should().BeFalse("an export never creates or migrates a database");
    }

    [Fact]
    public async Task ExportWorkflows_Should_ExitWithUsage_WhenAnOptionLacksItsValue()
    {
        Directory.CreateDirectory(Path.Combine(_root, "data"));

        var (exitCode, _, errors) = await ServerProcess.RunVerbAsync(_root, ["export-workflows", "--folder"], Ct);

        exitCode.Should().Be(2);
        errors.Should().Contain("--folder needs a directory").And.Contain("usage: LowCodeErp.Server export-workflows");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

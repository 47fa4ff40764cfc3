using System.Diagnostics;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.BrowserTests.Infrastructure;

namespace LowCodeErp.BrowserTests;

/// <summary>
/// <c>dotnet publish</c> of a host puts the Studio package in <c>elsa-studio/</c> beside the application, where the
/// server looks first. A full publish takes minutes; asking MSBuild for the Studio project's publish items (what every
/// referencing host's publish copies) checks the same targets in seconds.
/// </summary>
public sealed class StudioPublishTests
{
    [Fact]
    public async Task PublishItems_Should_BeEveryPackageFile_UnderElsaStudio()
    {
        var ct = TestContext.Current.CancellationToken;
        var project = Path.Combine(StudioServer.RepositoryRoot, "src", "Web", "LowCodeErp.Studio", "LowCodeErp.Studio.csproj");
        var package = Path.Combine(Path.GetDirectoryName(project)!, "node_modules", "@elsa-workflows", "elsa-studio-wasm");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "msbuild", project, "-nologo", "-t:GetCopyToPublishDirectoryItems", "-getTargetResult:GetCopyToPublishDirectoryItems" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).WaitAsync(TimeSpan.FromMinutes(5), ct);

        process.ExitCode.Should().Be(0, "msbuild failed: {0}{1}", await output, await errors);
        var items = JsonNode.Parse(await output)!["TargetResults"]!["GetCopyToPublishDirectoryItems"]!["Items"]!.AsArray();
        var targets = items.Select(i => ((string)i!["TargetPath"]!).Replace('\\', '/')).Where(t => t.StartsWith("elsa-studio/", StringComparison.Ordinal)).ToList();
        targets.Should().Contain(["elsa-studio/_framework/blazor.webassembly.js", "elsa-studio/index.html"]);
        targets.Should().HaveCount(Directory.GetFiles(package, "*", SearchOption.AllDirectories).Length, "every file of the package is published");
    }
}

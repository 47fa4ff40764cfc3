using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Workflows.Api.Tests.Plugins;

/// <summary>
/// The real server with a plugins folder: the good plugin loads in its own context and runs in a workflow; every
/// faulty one is logged with its path and reason and skipped, and the server serves requests all the same.
/// </summary>
public sealed class PluginLoadingTests(PluginServerFactory server) : IClassFixture<PluginServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FolderPlugin_Should_LoadInItsOwnContext_SharingOnlyTheSdk()
    {
        (await server.CreateClient().GetStringAsync("/health/live", Ct)).Should().Be("Healthy");
        var plugin = Catalog().Plugins.Single(p => p.Name == PluginServerFactory.TestPlugin);

        plugin.Status.Should().Be(ActivityPluginStatus.Loaded);
        plugin.ActivityTypes.Should().Equal("Acme.Test.HumanizeText:1");
        var context = AssemblyLoadContext.GetLoadContext(plugin.Assembly!);
        context.Should().BeOfType<ActivityPluginLoadContext>().And.NotBeSameAs(AssemblyLoadContext.Default);
        // Its private dependency resolves to its own copy in the plugin folder (through its .deps.json) …
        var humanizer = context!.LoadFromAssemblyName(new AssemblyName("Humanizer"));
        humanizer.Location.Should().Be(Path.Combine(server.PluginsFolder, PluginServerFactory.TestPlugin, "Humanizer.dll"));
        AssemblyLoadContext.GetLoadContext(humanizer).Should().BeSameAs(context);
        // … while the SDK is the host's, so its activity is an Activity to the engine.
        context.LoadFromAssemblyName(typeof(Activity).Assembly.GetName()).Should().BeSameAs(typeof(Activity).Assembly);
        typeof(Activity).IsAssignableFrom(plugin.Assembly!.GetType("LowCodeErp.Activities.TestPlugin.HumanizeText")).Should().BeTrue();
    }

    [Fact]
    public async Task Descriptors_Should_ListTheSampleAndTheFolderPlugins_AndNothingOfSkippedOnes()
    {
        var items = (await server.GetJsonAsync("/elsa/api/descriptors/activities"))["items"]!.AsArray();
        var types = items.Select(i => $"{i!["typeName"]}:{i["version"]}").ToList();

        types.Should().OnlyHaveUniqueItems();
        types.Should().Contain(["Acme.Test.HumanizeText:1", "Acme.Dup.Same:1", "Erp.Sample.AddBusinessDays:1", "Erp.Sample.RoundToCurrency:1"]);
        types.Should().NotContain(t => t.StartsWith("Faulty.", StringComparison.Ordinal));
        // The skipped plugin's other activity is not registered either: a plugin is all or nothing.
        types.Should().NotContain("Acme.Dup.Other:1");
        items.Single(i => (string)i!["typeName"]! == "Erp.Sample.AddBusinessDays")!["customProperties"]!["Type"]!.ToString()
            .Should().Be("LowCodeErp.Activities.Sample.AddBusinessDays, LowCodeErp.Activities.Sample");
        var humanize = items.Single(i => (string)i!["typeName"]! == "Acme.Test.HumanizeText")!;
        humanize["category"]!.ToString().Should().Be("Acme Test");
        humanize["inputs"]!.AsArray().Should().ContainSingle(i => (string)i!["name"]! == "Text" && i["isRequired"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Workflow_UsingFolderAndSamplePluginActivities_Should_Run()
    {
        var response = await server.CreateClient().PostAsync("/elsa/api/workflow-definitions/plugin-humanize/execute", null, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var state = (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!["workflowState"]!;
        state["subStatus"]!.ToString().Should().Be("Finished");
        // The plugin's service (registered by its IActivityPlugin) and its Humanizer copy both ran.
        state["output"]!["Sentence"]!.ToString().Should().Be("Plugin says: order total amount / 1234");
    }

    [Theory]
    [InlineData(FaultyPlugins.TypeInitializer, "InvalidOperationException: static boom")]
    [InlineData(FaultyPlugins.Registration, "InvalidOperationException: registration boom")]
    [InlineData(FaultyPlugins.DuplicateOfSample,
        "activity type 'Erp.Sample.AddBusinessDays' version 1 is already registered by LowCodeErp.Activities.Sample.AddBusinessDays, LowCodeErp.Activities.Sample")]
    [InlineData(FaultyPlugins.DuplicateSecond,
        "activity type 'Acme.Dup.Same' version 1 is already registered by plugin Acme.Dup.First (Acme.Dup.First.Same, Acme.Dup.First)")]
    [InlineData(FaultyPlugins.NewerSdk, "it was built against LowCodeErp.Workflows.Abstractions 99.0.0.0; this host has 1.0.0.0")]
    [InlineData(FaultyPlugins.BadImage, "BadImageFormatException: ")]
    [InlineData(FaultyPlugins.NoAssembly, "the folder holds no Faulty.NoAssembly.dll (a plugin folder is named like its main assembly)")]
    [InlineData(FaultyPlugins.LooseFile, "plugin assemblies go into a folder of their own: ")]
    public async Task FaultyPlugin_Should_BeReportedWithPathAndReason_InTheApiAndTheLog(string name, string reason)
    {
        var plugin = await server.GetJsonAsync($"/elsa/api/plugins/{name}");

        plugin["status"]!.ToString().Should().Be("Failed");
        plugin["error"]!.ToString().Should().StartWith(reason);
        plugin["activityTypes"]!.AsArray().Should().BeEmpty();
        var path = plugin["path"]!.ToString();
        path.Should().StartWith(server.PluginsFolder);
        server.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains(path, StringComparison.Ordinal)
            && e.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PluginList_Should_ShowTheFolder_AndEveryPluginInLoadOrder()
    {
        var list = await server.GetJsonAsync("/elsa/api/plugins");

        list["folders"]!.AsArray().Select(f => f!.ToString()).Should().Equal(server.PluginsFolder);
        var names = list["items"]!.AsArray().Select(i => i!["name"]!.ToString()).ToList();
        list["count"]!.GetValue<int>().Should().Be(names.Count);
        names.Should().Equal(FaultyPlugins.LooseFile, FaultyPlugins.DuplicateFirst, FaultyPlugins.DuplicateSecond, FaultyPlugins.BadImage,
            FaultyPlugins.DuplicateOfSample, FaultyPlugins.NewerSdk, FaultyPlugins.NoAssembly, FaultyPlugins.Registration,
            FaultyPlugins.TypeInitializer, PluginServerFactory.TestPlugin);
        list["items"]!.AsArray().Where(i => (string)i!["status"]! == "Loaded").Select(i => i!["name"]!.ToString())
            .Should().BeEquivalentTo(FaultyPlugins.DuplicateFirst, PluginServerFactory.TestPlugin);
        server.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Information
            && e.Message.Contains($"Activity plugin {PluginServerFactory.TestPlugin}", StringComparison.Ordinal)
            && e.Message.Contains("Acme.Test.HumanizeText:1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownPlugin_Should_Be404()
    {
        var response = await server.CreateClient().GetAsync("/elsa/api/plugins/Nope", Ct);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private ActivityPluginCatalog Catalog() => server.Services.GetRequiredService<ActivityPluginCatalog>();
}

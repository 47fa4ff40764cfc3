using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using LowCodeErp.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Workflows.Api.Tests.Plugins;

/// <summary>
/// The embedded server (which registers the sample plugin in code) with a <c>plugins/</c> folder holding the built
/// test plugin and every kind of faulty plugin, and a workflows folder with one flow that uses the test plugin.
/// </summary>
public sealed class PluginServerFactory : WebApplicationFactory<Program>
{
    public const string TestPlugin = "LowCodeErp.Activities.TestPlugin";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "erp-plugin-tests-" + Guid.NewGuid().ToString("N")[..10]);

    public PluginServerFactory()
    {
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "test-plugins", TestPlugin), Path.Combine(PluginsFolder, TestPlugin));
        foreach (var (name, source) in FaultyPlugins.Sources)
        {
            PluginCompiler.CompilePlugin(PluginsFolder, name, source);
        }

        PluginCompiler.CompilePluginAgainstSdk(PluginsFolder, FaultyPlugins.NewerSdk, "99.0.0.0", FaultyPlugins.NewerSdkSource);
        Directory.CreateDirectory(Path.Combine(PluginsFolder, FaultyPlugins.BadImage));
        File.WriteAllText(Path.Combine(PluginsFolder, FaultyPlugins.BadImage, FaultyPlugins.BadImage + ".dll"), "this is not a PE image");
        Directory.CreateDirectory(Path.Combine(PluginsFolder, FaultyPlugins.NoAssembly));
        File.WriteAllText(Path.Combine(PluginsFolder, FaultyPlugins.LooseFile + ".dll"), "a plugin dropped into the folder root");

        Directory.CreateDirectory(WorkflowsFolder);
        File.WriteAllText(Path.Combine(WorkflowsFolder, "plugin-humanize.json"), HumanizeWorkflow);
    }

    public string PluginsFolder => Path.Combine(_root, "plugins");

    public string WorkflowsFolder => Path.Combine(_root, "workflows");

    public CapturedLogs Logs { get; } = new();

    /// <summary>GET and parse.</summary>
    public async Task<JsonNode> GetJsonAsync(string path) =>
        (await CreateClient().GetFromJsonAsync<JsonNode>(path, TestContext.Current.CancellationToken))!;

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestTokens.For("*"));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in TestTokens.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(_root, "data", "workflows.db")}");
        builder.UseSetting("Workflows:Folder", WorkflowsFolder);
        builder.UseSetting("Workflows:Plugins:Path", PluginsFolder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            // Plugin assemblies stay loaded (non-collectible contexts), but on Linux their files can still be deleted.
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        if (!File.Exists(Path.Combine(source, TestPlugin + ".dll")))
        {
            throw new InvalidOperationException($"The test plugin was not built into {source} (see CopyTestPluginOutput in the test project).");
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private const string HumanizeWorkflow = """
        {
          "id": "plugin-humanize-v1", "definitionId": "plugin-humanize", "name": "Plugin humanize", "version": 1,
          "isPublished": true, "isLatest": true,
          "variables": [ { "id": "v-sentence", "name": "Sentence", "typeName": "String" } ],
          "root": {
            "id": "fc", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "start", "type": "Elsa.Start", "version": 1 },
              { "id": "humanize", "type": "Acme.Test.HumanizeText", "version": 1,
                "text": { "typeName": "String", "expression": { "type": "Literal", "value": "order_total_amount" } },
                "result": { "typeName": "String", "memoryReference": { "id": "v-sentence" } } },
              { "id": "round", "name": "Round", "type": "Erp.Sample.RoundToCurrency", "version": 1,
                "amount": { "typeName": "Decimal", "expression": { "type": "Literal", "value": "1234.5" } },
                "currency": { "typeName": "String", "expression": { "type": "Literal", "value": "JPY" } },
                "mode": "ToEven" },
              { "id": "out", "type": "Elsa.SetOutput", "version": 1,
                "outputName": { "typeName": "String", "expression": { "type": "Literal", "value": "Sentence" } },
                "outputValue": { "typeName": "Object", "expression": { "type": "JavaScript", "value": "getVariable('Sentence') + ' / ' + getResultFromRound()" } } }
            ],
            "connections": [
              { "source": { "activity": "start", "port": "Done" }, "target": { "activity": "humanize", "port": "In" } },
              { "source": { "activity": "humanize", "port": "Done" }, "target": { "activity": "round", "port": "In" } },
              { "source": { "activity": "round", "port": "Rounded" }, "target": { "activity": "out", "port": "In" } }
            ]
          }
        }
        """;
}

using FluentAssertions;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>The workflows/ folder as source of truth; run per provider by the subclasses.</summary>
public abstract class FolderImportTests(TestDatabase database) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("erp-wf-import-");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_should_publish_new_and_changed_files_skip_unchanged_ones_and_report_invalid_ones()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (a, b) = (Flows.NewId("a"), Flows.NewId("b"));
        Write("a.json", Flows.EventFlowJson(a));
        Write("b.json", Flows.EventFlowJson(b));
        Write("bad.json", Flows.EventFlowJson(Flows.NewId("bad")).Replace("Elsa.WriteLine", "Elsa.NoSuchActivity", StringComparison.Ordinal));
        Write("broken.json", "{ \"definitionId\": ");

        var first = await host.Importer.ImportAsync(_folder.FullName, Ct);

        first.Published.Select(p => (p.DefinitionId, p.Version)).Should().BeEquivalentTo([(a, 1), (b, 1)]);
        first.Errors.Should().Contain(e => e.StartsWith("bad.json:$.root.activities[1]", StringComparison.Ordinal) && e.Contains("(activity hello)", StringComparison.Ordinal));
        first.Errors.Should().Contain(e => e.StartsWith("broken.json:", StringComparison.Ordinal));

        var second = await host.Importer.ImportAsync(_folder.FullName, Ct);
        second.Published.Should().BeEmpty();
        second.Unchanged.Should().BeEquivalentTo(a, b);

        Write("b.json", Flows.EventFlowJson(b, "changed greeting"));
        var third = await host.Importer.ImportAsync(_folder.FullName, Ct);
        third.Published.Should().ContainSingle().Which.Should().Match<Stores.DefinitionVersionInfo>(v => v.DefinitionId == b && v.Version == 2 && v.IsPublished);
        third.Unchanged.Should().Equal(a);
        (await host.Definitions.FindAsync(b, VersionOptions.Published, Ct))!.Version.Should().Be(2);
    }

    [Fact]
    public async Task Import_should_read_subfolders_name_their_files_by_relative_path_and_skip_hidden_folders()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (top, nested) = (Flows.NewId("top"), Flows.NewId("nested"));
        Write("top.json", Flows.EventFlowJson(top));
        Write("leasing/approvals/nested.json", Flows.EventFlowJson(nested));
        Write("leasing/bad.json", Flows.EventFlowJson(Flows.NewId("bad")).Replace("Elsa.WriteLine", "Elsa.NoSuchActivity", StringComparison.Ordinal));
        Write(".git/stash.json", "{ \"not\": \"a workflow\" }");

        var report = await host.Importer.ImportAsync(_folder.FullName, Ct);

        report.Published.Select(p => p.DefinitionId).Should().BeEquivalentTo([top, nested]);
        report.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.StartsWith("leasing/bad.json:$.root.activities[", StringComparison.Ordinal), "hidden folders are not read");
        report.Errors.Should().Contain(e => e.StartsWith("leasing/bad.json:$.root.activities[1]", StringComparison.Ordinal));
        (await host.Definitions.FindAsync(nested, VersionOptions.Published, Ct)).Should().NotBeNull();
    }

    [Fact]
    public async Task Import_should_name_both_relative_paths_when_two_files_define_the_same_definition()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("twice");
        Write("a/flow.json", Flows.EventFlowJson(id));
        Write("b/flow.json", Flows.EventFlowJson(id, "another greeting"));

        var report = await host.Importer.ImportAsync(_folder.FullName, Ct);

        report.Published.Should().ContainSingle().Which.DefinitionId.Should().Be(id);
        report.Errors.Should().Equal($"b/flow.json:$.definitionId: '{id}' is also defined in a/flow.json");
    }

    [Fact]
    public async Task Exported_files_should_import_as_unchanged()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var id = Flows.NewId("export");
        Write("flow.json", Flows.EventFlowJson(id));
        await host.Importer.ImportAsync(_folder.FullName, Ct);
        var exportFolder = _folder.CreateSubdirectory("export").FullName;

        var export = await host.Exporter.ExportAsync(exportFolder, VersionOptions.Published, cancellationToken: Ct);
        var reimport = await host.Importer.ImportAsync(exportFolder, Ct);

        export.Written.Should().Contain(id + ".json");
        reimport.Errors.Should().BeEmpty();
        reimport.Published.Should().BeEmpty();
        reimport.Unchanged.Should().Contain(id);
    }

    [Fact]
    public async Task Export_into_the_source_folder_should_rewrite_only_changed_definitions_where_they_are_and_add_new_ones_at_the_top()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (kept, edited, added) = (Flows.NewId("kept"), Flows.NewId("edited"), Flows.NewId("added"));
        // Hand-formatted, as a developer wrote it: an export must not reformat a file whose content did not change.
        var keptJson = Flows.EventFlowJson(kept).Replace("\n", "\n\n", StringComparison.Ordinal) + "\n// trailing note\n";
        Write("kept.json", keptJson);
        Write("leasing/approvals/edited.json", Flows.EventFlowJson(edited));
        Write("leasing/readme.json", "{ \"not\": \"a workflow\" }");
        (await host.Importer.ImportAsync(_folder.FullName, Ct)).Errors.Should().OnlyContain(e => e.StartsWith("leasing/readme.json:", StringComparison.Ordinal));
        // Designed in Studio meanwhile: a new version of one definition and a definition of its own.
        await Flows.PublishAsync(host, Flows.EventFlowJson(edited, "changed in Studio"));
        await Flows.PublishAsync(host, Flows.EventFlowJson(added));

        var export = await host.Exporter.ExportAsync(_folder.FullName, VersionOptions.Published, cancellationToken: Ct);

        // PostgreSQL's database is shared by this class's tests: their definitions are exported too, so only ours are checked.
        Ours(export.Written, "kept.json", "edited.json", added).Should().BeEquivalentTo("leasing/approvals/edited.json", added + ".json");
        Ours(export.Unchanged, "kept.json", "edited.json", added).Should().Equal("kept.json");
        File.ReadAllText(Path.Combine(_folder.FullName, "kept.json")).Should().Be(keptJson);
        File.ReadAllText(Path.Combine(_folder.FullName, "leasing/approvals/edited.json")).Should().Contain("changed in Studio");
        File.Exists(Path.Combine(_folder.FullName, edited + ".json")).Should().BeFalse("an exported definition stays in its own file");
        Directory.EnumerateFiles(_folder.FullName, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty();
        var reimport = await host.Importer.ImportAsync(_folder.FullName, Ct);
        reimport.Published.Should().BeEmpty();
        reimport.Unchanged.Should().Contain([kept, edited, added]);
    }

    [Fact]
    public async Task Export_should_give_a_new_definition_a_free_file_name_when_its_own_is_taken_or_not_a_file_name()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (owner, newcomer, odd, device) = (Flows.NewId("owner"), Flows.NewId("newcomer"), Flows.NewId(".area/flow:v?"), "con." + Flows.NewId("x"));
        var oddFile = "_area_flow_v_" + odd[".area/flow:v?".Length..] + ".json"; // portable on every OS, and not hidden
        await Flows.PublishAsync(host, Flows.EventFlowJson(device));
        Write(newcomer + ".json", Flows.EventFlowJson(owner)); // a file named after the newcomer holds another definition
        await host.Importer.ImportAsync(_folder.FullName, Ct);
        await Flows.PublishAsync(host, Flows.EventFlowJson(newcomer));
        await Flows.PublishAsync(host, Flows.EventFlowJson(odd));

        var export = await host.Exporter.ExportAsync(_folder.FullName, VersionOptions.Published, cancellationToken: Ct);

        Ours(export.Written, newcomer, oddFile, device).Should().BeEquivalentTo(newcomer + "-2.json", oddFile, device + "_.json");
        Ours(export.Unchanged, newcomer).Should().Equal(newcomer + ".json");
        (await host.Importer.ImportAsync(_folder.FullName, Ct)).Unchanged.Should().Contain([owner, newcomer, odd]);
    }

    [Fact]
    public async Task Export_should_not_overwrite_a_file_with_changes_the_database_has_not_seen_unless_forced()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        var (edited, broken) = (Flows.NewId("edited"), Flows.NewId("broken"));
        Write("area/edited.json", Flows.EventFlowJson(edited));
        Write("area/broken.json", Flows.EventFlowJson(broken));
        await host.Importer.ImportAsync(_folder.FullName, Ct);
        // Both sides moved: an analyst published in Studio while a developer edited the files (one is mid-edit, invalid).
        await Flows.PublishAsync(host, Flows.EventFlowJson(edited, "changed in Studio"));
        await Flows.PublishAsync(host, Flows.EventFlowJson(broken, "changed in Studio"));
        var editedText = Flows.EventFlowJson(edited, "changed in the editor");
        var brokenText = Flows.EventFlowJson(broken).Replace("Elsa.WriteLine", "Elsa.NoSuchActivity", StringComparison.Ordinal);
        Write("area/edited.json", editedText);
        Write("area/broken.json", brokenText);

        var export = await host.Exporter.ExportAsync(_folder.FullName, VersionOptions.Published, cancellationToken: Ct);

        Ours(export.Written, "edited.json", "broken.json").Should().BeEmpty();
        Ours(export.Conflicts, "edited.json", "broken.json").Should().SatisfyRespectively(
            broken => broken.Should().StartWith("area/broken.json: invalid ($.root.activities[1]"),
            edited => edited.Should().StartWith("area/edited.json: changed since it was last imported"));
        File.ReadAllText(Path.Combine(_folder.FullName, "area/edited.json")).Should().Be(editedText);
        File.ReadAllText(Path.Combine(_folder.FullName, "area/broken.json")).Should().Be(brokenText);

        var forced = await host.Exporter.ExportAsync(_folder.FullName, VersionOptions.Published, force: true, cancellationToken: Ct);

        Ours(forced.Written, "edited.json", "broken.json").Should().BeEquivalentTo("area/edited.json", "area/broken.json");
        File.ReadAllText(Path.Combine(_folder.FullName, "area/edited.json")).Should().Contain("changed in Studio");
    }

    [Fact]
    public async Task Export_should_judge_a_parent_that_uses_a_workflow_as_activity_by_its_own_content_however_the_child_was_read()
    {
        await using var host = await RuntimeHost.StartAsync(database.NewDatabase());
        // The child file's own id and version differ from what the database gives it, as in files from another database.
        var child = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", "waiting-child.json"))
            .Replace("\"waiting-child-v1\", \"definitionId\"", "\"from-elsewhere\", \"definitionId\"", StringComparison.Ordinal)
            .Replace("\"version\": 1", "\"version\": 3", StringComparison.Ordinal);
        var parent = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Flows", "parent-of-waiting-child.json"));
        Write("child.json", child);
        Write("parent.json", parent);
        (await host.Importer.ImportAsync(_folder.FullName, Ct)).Errors.Should().BeEmpty();

        var untouched = await host.Exporter.ExportAsync(_folder.FullName, VersionOptions.Published, cancellationToken: Ct);
        await Flows.PublishAsync(host, parent.Replace("Parent of waiting child", "Parent renamed in Studio", StringComparison.Ordinal));
        var edited = await host.Exporter.ExportAsync(_folder.FullName, VersionOptions.Published, cancellationToken: Ct);
        var again = await host.Exporter.ExportAsync(_folder.FullName, VersionOptions.Published, cancellationToken: Ct);

        Ours(untouched.Written, "child.json", "parent.json").Should().BeEmpty("nothing changed since the import");
        Ours(edited.Conflicts, "child.json", "parent.json").Should().BeEmpty("the file holds the version the database imported");
        Ours(edited.Written, "child.json", "parent.json").Should().Equal("parent.json");
        Ours(again.Written, "child.json", "parent.json").Should().BeEmpty("an export is stable");
        File.ReadAllText(Path.Combine(_folder.FullName, "parent.json")).Should().Contain("Parent renamed in Studio");
    }

    public void Dispose()
    {
        _folder.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }

    private static IEnumerable<string> Ours(IEnumerable<string> files, params string[] names) =>
        files.Where(file => names.Any(name => file.Contains(name, StringComparison.Ordinal)));

    private void Write(string name, string json)
    {
        var path = Path.Combine(_folder.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, json);
    }
}

/// <summary>On SQLite (a temporary file per test).</summary>
public sealed class SqliteFolderImportTests(SqliteTestDatabase database) : FolderImportTests(database), IClassFixture<SqliteTestDatabase>;

/// <summary>On PostgreSQL (a database for this class).</summary>
public sealed class PostgresFolderImportTests(PostgresTestDatabase database) : FolderImportTests(database), IClassFixture<PostgresTestDatabase>;

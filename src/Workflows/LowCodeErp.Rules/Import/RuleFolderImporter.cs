using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Stores;
using LowCodeErp.Rules.Testing;

namespace LowCodeErp.Rules.Import;

/// <summary>What an import did: new published versions, unchanged rule sets, and problems (<c>file:json-path: message (rule 'name')</c>).</summary>
public sealed record RuleImportReport(IReadOnlyList<RuleSetVersionInfo> Published, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Errors);

/// <summary>
/// Makes the <c>rules/</c> folder the source of truth, as <c>workflows/</c> is for flows: every <c>*.json</c> (with its
/// <c>&lt;name&gt;.tests.json</c>) is validated; content that differs from the published version becomes a new published
/// version, unchanged content does nothing, an invalid file is reported and skipped (its last good version stays
/// published). Never throws for a bad file, so a server still starts.
/// </summary>
public sealed class RuleFolderImporter(RuleSetStore store)
{
    /// <summary>Suffix of a tests file.</summary>
    public const string TestsSuffix = ".tests.json";

    /// <summary>Imports the folder (files sorted, so reports are stable).</summary>
    public async Task<RuleImportReport> ImportAsync(string folder, CancellationToken cancellationToken = default)
    {
        var published = new List<RuleSetVersionInfo>();
        var unchanged = new List<string>();
        var errors = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in RuleFiles.Enumerate(folder))
        {
            var loaded = await RuleFiles.LoadAsync(file, cancellationToken);
            if (loaded.Errors.Count > 0)
            {
                errors.AddRange(loaded.Errors);
                continue;
            }

            var name = loaded.Workflow!.WorkflowName;
            if (!seen.TryAdd(name, loaded.FileName))
            {
                errors.Add($"{loaded.FileName}:$.WorkflowName: '{name}' is also defined in {seen[name]}");
                continue;
            }

            var current = await store.GetAsync(name, null, cancellationToken);
            if (current is not null && current.Info.ContentHash == RuleSetStore.Hash(loaded.Content, loaded.Tests))
            {
                unchanged.Add(name);
                continue;
            }

            try
            {
                await store.SaveDraftAsync(name, loaded.Content, loaded.Tests, cancellationToken);
                published.Add((await store.PublishAsync(name, cancellationToken: cancellationToken))!);
            }
            catch (RuleSetInvalidException exception)
            {
                errors.AddRange(exception.Errors.Select(e => e.InFile(loaded.FileName)));
            }
            catch (RuleSetConflictException exception)
            {
                errors.Add($"{loaded.FileName}:$: {exception.Message}");
            }
        }

        return new RuleImportReport(published, unchanged, errors);
    }
}

/// <summary>A rule file read from disk with its tests file, or the errors (already prefixed with the file name).</summary>
public sealed record LoadedRuleFile(string FileName, string Content, string? Tests, RulesEngine.Models.Workflow? Workflow, RuleTestSuite? Suite, IReadOnlyList<string> Errors);

/// <summary>Reading <c>rules/</c> files, shared by the importer and <c>erp rules test</c>.</summary>
public static class RuleFiles
{
    /// <summary>Rule set files of a folder (not the tests files), sorted.</summary>
    public static IEnumerable<string> Enumerate(string folder) => Directory.EnumerateFiles(folder, "*.json")
        .Where(f => !f.EndsWith(RuleFolderImporter.TestsSuffix, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal);

    /// <summary>The tests file beside a rule file.</summary>
    public static string TestsFileOf(string file) => Path.Combine(Path.GetDirectoryName(file) ?? ".", Path.GetFileNameWithoutExtension(file) + RuleFolderImporter.TestsSuffix);

    /// <summary>Reads and validates a rule file and its tests file.</summary>
    public static async Task<LoadedRuleFile> LoadAsync(string file, CancellationToken cancellationToken = default)
    {
        var fileName = Path.GetFileName(file);
        var testsFile = TestsFileOf(file);
        string content;
        string? tests;
        try
        {
            content = await File.ReadAllTextAsync(file, cancellationToken);
            tests = File.Exists(testsFile) ? await File.ReadAllTextAsync(testsFile, cancellationToken) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new LoadedRuleFile(fileName, "", null, null, null, [$"{fileName}:$: cannot be read: {exception.Message}"]);
        }

        var parsed = RuleSetParser.Parse(content);
        var errors = parsed.Errors.Select(e => e.InFile(fileName)).ToList();
        RuleTestSuite? suite = null;
        if (tests is not null)
        {
            suite = RuleTestSuite.Parse(tests);
            errors.AddRange(suite.Errors.Select(e => e.InFile(Path.GetFileName(testsFile))));
        }

        return new LoadedRuleFile(fileName, content, tests, parsed.Workflow, suite, errors);
    }
}

namespace LowCodeErp.Rules.Tests.Infrastructure;

/// <summary>Repository folders and temporary folders seen from the test output.</summary>
internal static class Paths
{
    public static string Root
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "LowCodeErp.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("LowCodeErp.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The repository's rules/ folder.</summary>
    public static string RulesFolder => Path.Combine(Root, "rules");

    /// <summary>A file of TestData/.</summary>
    public static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    /// <summary>A new empty temporary folder.</summary>
    public static string NewTempFolder(string prefix)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Copies the repository's rules/ into <paramref name="target"/>.</summary>
    public static void CopyRules(string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(RulesFolder, "*.json"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    public static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

using System.CommandLine.Parsing;

namespace LowCodeErp.Cli;

/// <summary>Argument checks that run at parse time, so a bad path is a usage error (exit 2) like any other.</summary>
internal static class CliValidators
{
    /// <summary>Every path must be an existing file or folder.</summary>
    public static void PathsExist(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (!File.Exists(token.Value) && !Directory.Exists(token.Value))
            {
                result.AddError($"No such file or folder: '{token.Value}'.");
            }
        }
    }

    /// <summary>The path must be an existing file (a folder cannot be run).</summary>
    public static void FileExists(ArgumentResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (Directory.Exists(token.Value))
            {
                result.AddError($"'{token.Value}' is a folder; give one definition file to run.");
            }
            else if (!File.Exists(token.Value))
            {
                result.AddError($"No such file: '{token.Value}'.");
            }
        }
    }
}

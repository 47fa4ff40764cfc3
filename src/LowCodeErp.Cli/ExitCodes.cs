namespace LowCodeErp.Cli;

/// <summary>Process exit codes; scripts and CI branch on them, so they are part of the CLI's contract.</summary>
public static class ExitCodes
{
    /// <summary>Valid definitions, or the workflow ran (even when it faulted: a fault is a result, not a CLI failure).</summary>
    public const int Success = 0;

    /// <summary>At least one definition is invalid; the errors are on stderr.</summary>
    public const int InvalidDefinition = 1;

    /// <summary>The command line itself is wrong (unknown option, missing argument, bad --input, missing path).</summary>
    public const int Usage = 2;

    /// <summary>A bug in the CLI or the engine (an exception nobody expected); the exception is on stderr.</summary>
    public const int InternalError = 3;

    /// <summary>Cancelled (Ctrl+C): 128 + SIGINT, as shells report it.</summary>
    public const int Cancelled = 130;
}

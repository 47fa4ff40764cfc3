using LowCodeErp.Cli;

// Composition only: the commands live in CliApplication so tests can run them in-process.
return await CliApplication.RunAsync(args, Console.Out, Console.Error);

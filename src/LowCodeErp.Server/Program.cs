using LowCodeErp.Server.Commands;
using LowCodeErp.Server.Extensions;

// The embedded all-in-one host: composition only; everything is configured in the extension methods. A maintenance verb
// (export-workflows) runs on the same composition instead of serving.
var command = ServerCommand.Parse(args);
if (command.Reject(Console.Out, Console.Error) is { } rejected)
{
    return rejected;
}

var builder = WebApplication.CreateBuilder(command.HostArguments);
builder.AddEmbeddedServer();

await using var app = builder.Build();
if (command.Verb is not null)
{
    return await command.RunAsync(app, Console.Out, Console.Error);
}

app.UseEmbeddedServer();
app.MapEmbeddedServerEndpoints();
await app.RunAsync();
return 0;

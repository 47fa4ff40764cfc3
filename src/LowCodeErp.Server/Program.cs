using LowCodeErp.Server.Extensions;

// The embedded all-in-one host: composition only; everything is configured in the extension methods.
var builder = WebApplication.CreateBuilder(args);
builder.AddEmbeddedServer();

var app = builder.Build();
app.UseEmbeddedServer();
app.MapEmbeddedServerEndpoints();
app.Run();

namespace LowCodeErp.Identity;

/// <summary>
/// The identity service on its own (distributed shape). Configuration: the <c>Identity</c> section and
/// <c>ConnectionStrings:Identity</c> (docs/identity.md). The embedded server composes the same two calls.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // No appsettings.json here (it would clash with the embedded server's in its output folder): quiet EF's SQL log.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.AddIdentityService();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapIdentityService();
        app.Run();
    }
}

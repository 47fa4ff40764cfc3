using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Data.Auditing;

/// <summary>The audit endpoint a service maps over its own DbContext.</summary>
public static class AuditEndpoints
{
    // The context is resolved inside the handler: a generic TContext handler parameter crashes the ASP.NET route
    // analyzer (AD0001) in this SDK.
    /// <summary>
    /// Maps <c>GET {prefix}/{entity}/{id}</c> → the entity's audit trail (404 when nothing was ever recorded for it).
    /// Returns the group so the service adds its authorization policy: <c>.RequireAuthorization("…")</c>.
    /// </summary>
    public static RouteGroupBuilder MapAuditTrail<TContext>(this IEndpointRouteBuilder endpoints, string prefix = "/api/audit")
        where TContext : DbContext
    {
        var group = endpoints.MapGroup(prefix).WithTags("Audit");
        group.MapGet("/{entity}/{id}", (string entity, string id, HttpContext http, CancellationToken cancellationToken) =>
                GetTrailAsync(entity, id, http.RequestServices.GetRequiredService<TContext>(), cancellationToken))
            .WithName($"GetAuditTrail_{typeof(TContext).Name}")
            .WithSummary("Every recorded change of one entity, oldest first.");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditRecord>>, NotFound<ProblemDetailsBody>>> GetTrailAsync(
        string entity, string id, DbContext context, CancellationToken cancellationToken)
    {
        var trail = await context.ForEntityAsync(entity, id, cancellationToken);
        return trail.Count == 0
            ? TypedResults.NotFound(new ProblemDetailsBody(
                "Not Found", StatusCodes.Status404NotFound, $"No audit entries for {entity} '{id}'."))
            : TypedResults.Ok(trail);
    }

    /// <summary>The RFC 9457 body of a 404 (kept tiny so this helper needs no ProblemDetails service).</summary>
    public sealed record ProblemDetailsBody(string Title, int Status, string Detail);
}

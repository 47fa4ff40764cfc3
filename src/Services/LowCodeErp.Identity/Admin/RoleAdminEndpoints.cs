using System.Security.Claims;
using LowCodeErp.Identity.Persistence;
using LowCodeErp.Identity.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Identity.Admin;

/// <summary>
/// <c>/api/identity/roles</c>: list, create, update. Built-in roles keep the contract's permissions (every service codes
/// against them); roles an administrator adds carry their permissions as role claims. Roles are never deleted.
/// </summary>
internal static class RoleAdminEndpoints
{
    public static RouteGroupBuilder MapRoleAdmin(this RouteGroupBuilder api)
    {
        var roles = api.MapGroup("/roles").WithTags("Identity: roles");
        roles.MapGet("/", ListAsync);
        roles.MapGet("/{name}", GetAsync);
        roles.MapPost("/", CreateAsync);
        roles.MapPut("/{name}", UpdateAsync);
        return api;
    }

    private static async Task<Ok<List<RoleView>>> ListAsync(RoleManager<ErpRole> roles, PermissionResolver permissions)
    {
        var views = new List<RoleView>();
        foreach (var role in await roles.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync())
        {
            views.Add(await ViewAsync(role, permissions));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<RoleView>, ProblemHttpResult>> GetAsync(string name, RoleManager<ErpRole> roles, PermissionResolver permissions) =>
        await roles.FindByNameAsync(name) is { } role ? TypedResults.Ok(await ViewAsync(role, permissions)) : NotFound(name);

    private static async Task<Results<Created<RoleView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateRoleRequest request, RoleManager<ErpRole> roles, PermissionResolver permissions)
    {
        var validation = new AdminValidation();
        validation.Required("name", request.Name);
        RequireKnownPermissions(validation, request.Permissions ?? []);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await roles.RoleExistsAsync(request.Name!))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"Role '{request.Name}' exists.");
        }

        var role = new ErpRole { Name = request.Name!.Trim(), Description = request.Description };
        var created = await roles.CreateAsync(role);
        if (!created.Succeeded)
        {
            validation.Add(created);
            return validation.Problem();
        }

        foreach (var permission in (request.Permissions ?? []).Distinct(StringComparer.Ordinal))
        {
            await roles.AddClaimAsync(role, new Claim(ErpPermissions.ClaimType, permission));
        }

        return TypedResults.Created($"/api/identity/roles/{role.Name}", await ViewAsync(role, permissions));
    }

    private static async Task<Results<Ok<RoleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string name, UpdateRoleRequest request, RoleManager<ErpRole> roles, PermissionResolver permissions)
    {
        if (await roles.FindByNameAsync(name) is not { } role)
        {
            return NotFound(name);
        }

        var validation = new AdminValidation();
        RequireKnownPermissions(validation, request.Permissions ?? []);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (request.Permissions is not null && ErpPermissions.BuiltInRoles.ContainsKey(role.Name!))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                detail: $"The permissions of the built-in role '{role.Name}' are fixed (docs/identity.md); create a new role instead.");
        }

        if (request.Description is not null)
        {
            role.Description = request.Description;
            await roles.UpdateAsync(role);
        }

        if (request.Permissions is not null)
        {
            var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == ErpPermissions.ClaimType).ToList();
            foreach (var claim in current.Where(c => !request.Permissions.Contains(c.Value)))
            {
                await roles.RemoveClaimAsync(role, claim);
            }

            foreach (var permission in request.Permissions.Distinct(StringComparer.Ordinal).Where(p => current.All(c => c.Value != p)))
            {
                await roles.AddClaimAsync(role, new Claim(ErpPermissions.ClaimType, permission));
            }
        }

        return TypedResults.Ok(await ViewAsync(role, permissions));
    }

    private static void RequireKnownPermissions(AdminValidation validation, IReadOnlyList<string> requested)
    {
        for (var i = 0; i < requested.Count; i++)
        {
            if (!ErpPermissions.Known.Contains(requested[i]))
            {
                validation.Add($"permissions[{i}]", $"'{requested[i]}' is not one of {string.Join(", ", ErpPermissions.Known)}.");
            }
        }
    }

    private static async Task<RoleView> ViewAsync(ErpRole role, PermissionResolver permissions) =>
        new(role.Name!, role.Description, await permissions.ForRoleAsync(role.Name!), ErpPermissions.BuiltInRoles.ContainsKey(role.Name!));

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Role '{name}' does not exist.");
}

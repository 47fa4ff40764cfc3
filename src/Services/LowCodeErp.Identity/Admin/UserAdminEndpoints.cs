using LowCodeErp.Identity.Persistence;
using LowCodeErp.Identity.Tokens;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Identity.Admin;

/// <summary>
/// <c>/api/identity/users</c>: list, read, create, update display name and roles, disable/enable, lock/unlock, reset
/// password. Nothing is deleted: a user who leaves is disabled, so ids in workflow history keep a name.
/// </summary>
internal static class UserAdminEndpoints
{
    public static RouteGroupBuilder MapUserAdmin(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Identity: users");
        users.MapGet("/", ListAsync);
        users.MapGet("/{id}", GetAsync);
        users.MapPost("/", CreateAsync);
        users.MapPut("/{id}", UpdateAsync);
        users.MapPost("/{id}/disable", (string id, UserManager<ErpUser> m, PermissionResolver p) => SetDisabledAsync(id, true, m, p));
        users.MapPost("/{id}/enable", (string id, UserManager<ErpUser> m, PermissionResolver p) => SetDisabledAsync(id, false, m, p));
        users.MapPost("/{id}/lock", LockAsync);
        users.MapPost("/{id}/unlock", UnlockAsync);
        users.MapPost("/{id}/reset-password", ResetPasswordAsync);
        return api;
    }

    private static async Task<Ok<List<UserView>>> ListAsync(UserManager<ErpUser> users, PermissionResolver permissions, bool includeDisabled = true)
    {
        var query = users.Users.AsNoTracking();
        if (!includeDisabled)
        {
            query = query.Where(u => !u.IsDisabled);
        }

        var views = new List<UserView>();
        foreach (var user in await query.OrderBy(u => u.UserName).ToListAsync())
        {
            views.Add(await ViewAsync(user, users, permissions));
        }

        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetAsync(string id, UserManager<ErpUser> users, PermissionResolver permissions) =>
        await users.FindByIdAsync(id) is { } user ? TypedResults.Ok(await ViewAsync(user, users, permissions)) : NotFound(id);

    private static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, UserManager<ErpUser> users, RoleManager<ErpRole> roles, PermissionResolver permissions)
    {
        var validation = new AdminValidation();
        validation.Required("userName", request.UserName);
        validation.Required("displayName", request.DisplayName);
        validation.Required("password", request.Password);
        await RequireKnownRolesAsync(validation, request.Roles ?? [], roles);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (await users.FindByNameAsync(request.UserName!) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, detail: $"User name '{request.UserName}' is taken.");
        }

        var user = new ErpUser
        {
            UserName = request.UserName!.Trim(), DisplayName = request.DisplayName!.Trim(), Email = request.Email, CreatedAt = DateTimeOffset.UtcNow,
        };
        // Identity checks the password policy before inserting, so a rejected password leaves nothing behind.
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            validation.Add(created);
            return validation.Problem();
        }

        await users.AddToRolesAsync(user, request.Roles ?? []);
        return TypedResults.Created($"/api/identity/users/{user.Id}", await ViewAsync(user, users, permissions));
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string id, UpdateUserRequest request, UserManager<ErpUser> users, RoleManager<ErpRole> roles, PermissionResolver permissions)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound(id);
        }

        var validation = new AdminValidation();
        if (request.DisplayName is not null)
        {
            validation.Required("displayName", request.DisplayName);
        }

        await RequireKnownRolesAsync(validation, request.Roles ?? [], roles);
        if (!validation.IsValid)
        {
            return validation.Problem();
        }

        if (request.DisplayName is not null)
        {
            user.DisplayName = request.DisplayName.Trim();
            await users.UpdateAsync(user);
        }

        if (request.Roles is not null)
        {
            var current = await users.GetRolesAsync(user);
            await users.RemoveFromRolesAsync(user, current.Except(request.Roles, StringComparer.OrdinalIgnoreCase));
            await users.AddToRolesAsync(user, request.Roles.Except(current, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase));
        }

        return TypedResults.Ok(await ViewAsync(user, users, permissions));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetDisabledAsync(
        string id, bool disabled, UserManager<ErpUser> users, PermissionResolver permissions)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound(id);
        }

        // Takes effect at once: the token endpoint (password, code, refresh) and /connect/authorize re-check the flag.
        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        return TypedResults.Ok(await ViewAsync(user, users, permissions));
    }

    private static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> LockAsync(
        string id, LockUserRequest? request, UserManager<ErpUser> users, PermissionResolver permissions, TimeProvider clock)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound(id);
        }

        if (request?.Until is { } until && until <= clock.GetUtcNow())
        {
            var validation = new AdminValidation();
            validation.Add("until", "'until' must be in the future.");
            return validation.Problem();
        }

        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, request?.Until ?? DateTimeOffset.MaxValue);
        return TypedResults.Ok(await ViewAsync(user, users, permissions));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> UnlockAsync(string id, UserManager<ErpUser> users, PermissionResolver permissions)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound(id);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return TypedResults.Ok(await ViewAsync(user, users, permissions));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPasswordAsync(
        string id, ResetPasswordRequest request, UserManager<ErpUser> users)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound(id);
        }

        var validation = new AdminValidation();
        validation.Required("newPassword", request.NewPassword);
        if (validation.IsValid)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            validation.Add(await users.ResetPasswordAsync(user, token, request.NewPassword!), passwordField: "newPassword");
        }

        return validation.IsValid ? TypedResults.NoContent() : validation.Problem();
    }

    private static async Task RequireKnownRolesAsync(AdminValidation validation, IReadOnlyList<string> requested, RoleManager<ErpRole> roles)
    {
        for (var i = 0; i < requested.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(requested[i]) || !await roles.RoleExistsAsync(requested[i]))
            {
                validation.Add($"roles[{i}]", $"Role '{requested[i]}' does not exist.");
            }
        }
    }

    private static async Task<UserView> ViewAsync(ErpUser user, UserManager<ErpUser> users, PermissionResolver permissions)
    {
        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var lockedUntil = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : (DateTimeOffset?)null;
        return new UserView(user.Id, user.UserName ?? "", user.DisplayName, user.Email, roles, await permissions.ForRolesAsync(roles),
            user.IsDisabled, lockedUntil, user.CreatedAt);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"User '{id}' does not exist.");
}

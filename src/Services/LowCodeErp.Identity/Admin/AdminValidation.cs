using Microsoft.AspNetCore.Identity;

namespace LowCodeErp.Identity.Admin;

/// <summary>Collects field errors for a ValidationProblem (field names as the JSON body spells them).</summary>
internal sealed class AdminValidation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
        }

        messages.Add(message);
    }

    public void Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"'{field}' is required.");
        }
    }

    /// <summary>Identity's own errors (password policy, duplicate or invalid user name) under the field they concern.</summary>
    public void Add(IdentityResult result, string passwordField = "password")
    {
        foreach (var error in result.Errors)
        {
            Add(error.Code switch
            {
                var c when c.StartsWith("Password", StringComparison.Ordinal) => passwordField,
                "InvalidUserName" or "DuplicateUserName" => "userName",
                "InvalidEmail" or "DuplicateEmail" => "email",
                "InvalidRoleName" or "DuplicateRoleName" => "name",
                _ => "",
            }, error.Description);
        }
    }

    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem() =>
        TypedResults.ValidationProblem(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
}

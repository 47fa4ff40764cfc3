using System.Text.Json;
using LowCodeErp.Rules.Engine;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Stores;
using LowCodeErp.Rules.Testing;
using LowCodeErp.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace LowCodeErp.Rules.Api;

/// <summary>
/// <c>/api/rules</c>: list, versions, save draft, publish, retract, test, evaluate and impact preview. Typed results;
/// errors are ProblemDetails (400 naming the field and JSON path, 404, 409 for lost races, 422 for a rule that cannot be
/// evaluated, naming it).
/// </summary>
public static class RulesEndpoints
{
    /// <summary>Replayed evaluations for a preview when the body does not say.</summary>
    public const int DefaultPreviewLimit = 200;

    /// <summary>Maps the routes.</summary>
    public static RouteGroupBuilder MapRulesApi(this IEndpointRouteBuilder app, string prefix = "/api/rules")
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup(prefix).WithTags("Rules");
        group.MapGet("", ListAsync).RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("{name}", GetAsync).RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapGet("{name}/versions/{version:int}", GetVersionAsync).RequirePermission(ErpPermissions.WorkflowsRead);
        group.MapPut("{name}/draft", SaveDraftAsync).RequirePermission(ErpPermissions.WorkflowsDesign);
        group.MapPost("{name}/publish", PublishAsync).RequirePermission(ErpPermissions.WorkflowsDesign);
        group.MapPost("{name}/retract", RetractAsync).RequirePermission(ErpPermissions.WorkflowsDesign);
        group.MapPost("{name}/test", TestAsync).RequirePermission(ErpPermissions.WorkflowsDesign);
        group.MapPost("{name}/versions/{version:int}/preview", PreviewAsync).RequirePermission(ErpPermissions.WorkflowsDesign);
        group.MapPost("{name}/evaluate", EvaluateAsync).RequirePermission(ErpPermissions.WorkflowsRun);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<RuleSetVersionInfo>>> ListAsync(RuleSetStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<Ok<RuleSetResponse>, ProblemHttpResult>> GetAsync(string name, RuleSetStore store, CancellationToken cancellationToken)
    {
        var versions = await store.VersionsAsync(name, cancellationToken);
        return versions.Count == 0 ? NotFound($"rule set '{name}' does not exist") : TypedResults.Ok(new RuleSetResponse(name, versions));
    }

    private static async Task<Results<Ok<RuleSetVersionResponse>, ProblemHttpResult>> GetVersionAsync(
        string name, int version, RuleSetStore store, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(name, version, cancellationToken) is not { } stored)
        {
            return NotFound($"rule set '{name}' has no version {version}");
        }

        return TypedResults.Ok(new RuleSetVersionResponse(stored.Info, JsonDocument.Parse(stored.Content).RootElement.Clone(),
            stored.Tests is null ? null : JsonDocument.Parse(stored.Tests).RootElement.Clone()));
    }

    private static async Task<Results<Ok<RuleSetVersionInfo>, ValidationProblem, ProblemHttpResult>> SaveDraftAsync(
        string name, SaveDraftRequest request, RuleSetStore store, CancellationToken cancellationToken)
    {
        if (request.Content is not { ValueKind: JsonValueKind.Object } content)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["content"] = ["the RulesEngine workflow object is required"] });
        }

        try
        {
            var tests = request.Tests is { ValueKind: JsonValueKind.Object } t ? t.GetRawText() : null;
            return TypedResults.Ok(await store.SaveDraftAsync(name, content.GetRawText(), tests, request.ExpectedHash, cancellationToken));
        }
        catch (RuleSetInvalidException exception)
        {
            return Invalid(exception);
        }
        catch (RuleSetConflictException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<RuleSetVersionInfo>, ProblemHttpResult>> PublishAsync(
        string name, int? version, string? expectedHash, RuleSetStore store, CancellationToken cancellationToken)
    {
        try
        {
            // expectedHash: the contentHash the caller tested or previewed; a draft changed since then is a 409.
            return await store.PublishAsync(name, version, expectedHash, cancellationToken) is { } published
                ? TypedResults.Ok(published)
                : NotFound($"rule set '{name}' has no draft{(version is null ? "" : $" version {version}")} to publish");
        }
        catch (RuleSetConflictException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<Results<Ok<RuleSetVersionInfo>, ProblemHttpResult>> RetractAsync(string name, RuleSetStore store, CancellationToken cancellationToken) =>
        await store.RetractAsync(name, cancellationToken) is { } retracted ? TypedResults.Ok(retracted) : NotFound($"rule set '{name}' has no published version");

    private static async Task<Results<Ok<RuleTestReport>, ProblemHttpResult>> TestAsync(
        string name, int? version, RuleSetStore store, CancellationToken cancellationToken)
    {
        // Default: the latest version, i.e. the draft before it is published.
        var target = version ?? (await store.VersionsAsync(name, cancellationToken) is [var latest, ..] ? latest.Version : null);
        if (target is null || await store.GetAsync(name, target, cancellationToken) is not { } stored)
        {
            return NotFound($"rule set '{name}' has no version {target?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "at all"}");
        }

        if (stored.Tests is null)
        {
            return TypedResults.Problem($"rule set '{name}' v{target} has no tests (save the draft with a 'tests' document)", statusCode: StatusCodes.Status400BadRequest);
        }

        return TypedResults.Ok(await RuleTestRunner.RunAsync(RuleSetCache.Compile(stored), RuleTestSuite.Parse(stored.Tests)));
    }

    private static async Task<Results<Ok<EvaluateResponse>, ValidationProblem, ProblemHttpResult>> EvaluateAsync(
        string name, EvaluateRequest request, RuleEvaluator evaluator, CancellationToken cancellationToken)
    {
        if (request.Inputs is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["inputs"] = ["an object of named inputs is required, e.g. {\"input1\": {…}}"] });
        }

        if (request.Inputs.Keys.Any(string.IsNullOrEmpty))
        {
            // RulesEngine refers to an input by its name: a nameless one could never be used and the engine refuses it.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["inputs"] = ["every input needs a name (an empty property name was given)"] });
        }

        try
        {
            var inputs = request.Inputs.Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value));
            var evaluation = await evaluator.EvaluateAsync(name, request.Version, inputs, cancellationToken);
            return TypedResults.Ok(new EvaluateResponse(evaluation.Version, evaluation.Results, evaluation.SuccessEvents));
        }
        catch (RuleSetNotFoundException exception)
        {
            return NotFound(exception.Message);
        }
        catch (RuleEvaluationException exception)
        {
            return TypedResults.Problem(exception.Detail, statusCode: StatusCodes.Status422UnprocessableEntity,
                title: $"Rule '{exception.RuleName}' could not be evaluated", extensions: new Dictionary<string, object?> { ["rule"] = exception.RuleName, ["version"] = exception.Version });
        }
    }

    private static async Task<Results<Ok<ImpactPreviewResult>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        string name, int version, PreviewRequest? request, ImpactPreview preview, CancellationToken cancellationToken)
    {
        var limit = request?.Limit ?? DefaultPreviewLimit;
        if (limit is < 1 or > 10_000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["must be between 1 and 10000"] });
        }

        try
        {
            return await preview.PreviewAsync(name, version, limit, cancellationToken) is { } result
                ? TypedResults.Ok(result)
                : NotFound($"rule set '{name}' has no version {version}");
        }
        catch (RuleSetInvalidException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    private static ValidationProblem Invalid(RuleSetInvalidException exception) => TypedResults.ValidationProblem(
        exception.Errors.GroupBy(e => e.JsonPath.StartsWith("$.cases", StringComparison.Ordinal) ? $"tests{e.JsonPath[1..]}" : $"content{e.JsonPath[1..]}")
            .ToDictionary(g => g.Key, g => g.Select(e => e.RuleName is null ? e.Message : $"{e.Message} (rule '{e.RuleName}')").ToArray()),
        title: "The rule set is not valid");

    private static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound);
}

using System.Text.Json;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Stores;

namespace LowCodeErp.Rules.Api;

/// <summary>A rule set with all its versions.</summary>
public sealed record RuleSetResponse(string Name, IReadOnlyList<RuleSetVersionInfo> Versions);

/// <summary>One version with its documents (as JSON).</summary>
public sealed record RuleSetVersionResponse(RuleSetVersionInfo Info, JsonElement Content, JsonElement? Tests);

/// <summary>Save-draft body: the RulesEngine workflow and optionally its tests document.</summary>
public sealed record SaveDraftRequest(JsonElement? Content, JsonElement? Tests);

/// <summary>Evaluate body: named inputs and an optional pinned version.</summary>
public sealed record EvaluateRequest(Dictionary<string, JsonElement>? Inputs, int? Version);

/// <summary>Evaluate answer.</summary>
public sealed record EvaluateResponse(int Version, IReadOnlyList<RuleResult> Results, IReadOnlyList<string> SuccessEvents);

/// <summary>Preview body: how many recent evaluations to replay.</summary>
public sealed record PreviewRequest(int? Limit);

using System.Text.Json;
using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Stores;

namespace LowCodeErp.Rules.Api;

/// <summary>A rule set with all its versions.</summary>
public sealed record RuleSetResponse(string Name, IReadOnlyList<RuleSetVersionInfo> Versions);

/// <summary>One version with its documents (as JSON).</summary>
public sealed record RuleSetVersionResponse(RuleSetVersionInfo Info, JsonElement Content, JsonElement? Tests);

/// <summary>
/// Save-draft body: the RulesEngine workflow, optionally its tests document, and optionally the <c>contentHash</c> of the
/// latest version the editor started from (a change by someone else since then answers 409 instead of being overwritten).
/// </summary>
public sealed record SaveDraftRequest(JsonElement? Content, JsonElement? Tests, string? ExpectedHash = null);

/// <summary>Evaluate body: named inputs and an optional pinned version.</summary>
public sealed record EvaluateRequest(Dictionary<string, JsonElement>? Inputs, int? Version);

/// <summary>Evaluate answer.</summary>
public sealed record EvaluateResponse(int Version, IReadOnlyList<RuleResult> Results, IReadOnlyList<string> SuccessEvents);

/// <summary>Preview body: how many recent evaluations to replay.</summary>
public sealed record PreviewRequest(int? Limit);

using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Core.Activities.Branching;
using LowCodeErp.Workflows.Core.Activities.Composition;
using LowCodeErp.Workflows.Core.Activities.Containers;
using LowCodeErp.Workflows.Core.Activities.Primitives;
using LowCodeErp.Workflows.Core.Expressions;
using LowCodeErp.Workflows.Core.Flowcharts;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;

namespace LowCodeErp.Workflows.Core.Validation;

/// <summary>
/// Checks a definition before it may run: duplicate ids, dangling connections, unknown variables, unsupported
/// expression types and missing required inputs. Every error names the JSON path and the activity.
/// </summary>
public sealed class WorkflowValidator(ExpressionEngine expressions, IEnumerable<IActivityDefinitionCheck>? checks = null)
{
    private readonly IActivityDefinitionCheck[] _checks = checks?.ToArray() ?? [];

    /// <summary>Validates a definition; <paramref name="readErrors"/> are the serializer's findings, included first.</summary>
    public IReadOnlyList<DefinitionError> Validate(WorkflowDefinition definition, IEnumerable<DefinitionError>? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var walk = new Walk(expressions, definition, _checks);
        walk.Errors.AddRange(readErrors ?? []);
        walk.CheckVariableDeclarations(definition.Variables, "$.variables", null);
        if (definition.Root is not null)
        {
            var scope = new List<VariableDefinition>(definition.Variables);
            walk.Visit(definition.Root, "$.root", scope);
        }

        return walk.Errors.Distinct().ToList();
    }

    private sealed class Walk(ExpressionEngine expressions, WorkflowDefinition definition, IActivityDefinitionCheck[] checks)
    {
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

        public List<DefinitionError> Errors { get; } = [];

        public void Visit(Activity activity, string path, List<VariableDefinition> scope)
        {
            if (activity is Registry.NotFoundActivity)
            {
                return;
            }

            if (!string.IsNullOrEmpty(activity.Id) && !_ids.TryAdd(activity.Id, path))
            {
                Errors.Add(new DefinitionError($"{path}.id", $"duplicate activity id '{activity.Id}' (also at {_ids[activity.Id]})", activity.Id));
            }

            if (activity is ContainerActivity declaring)
            {
                CheckVariableDeclarations(declaring.Variables, $"{path}.variables", activity.Id);
            }

            var visible = activity is ContainerActivity container ? [.. container.Variables, .. scope] : scope;
            CheckInputs(activity, path, visible);
            foreach (var check in checks)
            {
                Errors.AddRange(check.Check(activity, path));
            }

            switch (activity)
            {
                case Flowchart flowchart:
                    CheckConnections(flowchart, path);
                    VisitList(flowchart.Activities, $"{path}.activities", visible);
                    break;
                case ContainerActivity list:
                    VisitList(list.Activities, $"{path}.activities", visible);
                    break;
                case Switch @switch:
                    for (var i = 0; i < @switch.Cases.Count; i++)
                    {
                        if (@switch.Cases[i].Activity is { } caseActivity)
                        {
                            Visit(caseActivity, $"{path}.cases[{i}].activity", visible);
                        }
                    }

                    if (@switch.Default is { } fallback)
                    {
                        Visit(fallback, $"{path}.default", visible);
                    }

                    break;
                default:
                    foreach (var port in ActivityTypeInfo.Of(activity.GetType()).Ports)
                    {
                        if (port.GetValue(activity) is Activity child)
                        {
                            Visit(child, $"{path}.{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(port.Name)}", visible);
                        }
                    }

                    break;
            }
        }

        /// <summary>Variables of one scope need ids and distinct names: scripts reach them by name.</summary>
        public void CheckVariableDeclarations(List<VariableDefinition> variables, string path, string? activityId)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < variables.Count; i++)
            {
                var variable = variables[i];
                if (string.IsNullOrWhiteSpace(variable.Name))
                {
                    Errors.Add(new DefinitionError($"{path}[{i}].name", "variable has no name", activityId));
                }
                else if (!names.Add(variable.Name))
                {
                    Errors.Add(new DefinitionError($"{path}[{i}].name", $"duplicate variable name '{variable.Name}'", activityId));
                }

                if (!string.IsNullOrEmpty(variable.Id) && !ids.Add(variable.Id))
                {
                    Errors.Add(new DefinitionError($"{path}[{i}].id", $"duplicate variable id '{variable.Id}'", activityId));
                }
            }
        }

        private void VisitList(List<Activity> activities, string path, List<VariableDefinition> scope)
        {
            for (var i = 0; i < activities.Count; i++)
            {
                Visit(activities[i], $"{path}[{i}]", scope);
            }
        }

        private void CheckConnections(Flowchart flowchart, string path)
        {
            var ids = flowchart.Activities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < flowchart.Connections.Count; i++)
            {
                var connection = flowchart.Connections[i];
                var index = connection.JsonIndex ?? i;
                if (!ids.Contains(connection.Source.ActivityId))
                {
                    Errors.Add(new DefinitionError($"{path}.connections[{index}].source.activity",
                        $"connection starts at unknown activity '{connection.Source.ActivityId}'", flowchart.Id));
                }

                if (!ids.Contains(connection.Target.ActivityId))
                {
                    Errors.Add(new DefinitionError($"{path}.connections[{index}].target.activity",
                        $"connection ends at unknown activity '{connection.Target.ActivityId}'", flowchart.Id));
                }
            }
        }

        private void CheckInputs(Activity activity, string path, List<VariableDefinition> scope)
        {
            if (activity is WorkflowDefinitionActivity composite)
            {
                foreach (var (name, input) in composite.Inputs)
                {
                    CheckExpression(input.Expression, $"{path}.{Camel(name)}.expression", activity, scope);
                }

                foreach (var (name, output) in composite.Outputs)
                {
                    CheckReference(output.MemoryReferenceId, $"{path}.{Camel(name)}.memoryReference.id", activity, scope);
                }

                return;
            }

            var info = ActivityTypeInfo.Of(activity.GetType());
            foreach (var input in info.Inputs)
            {
                var value = input.Property.GetValue(activity);
                var inputPath = $"{path}.{input.JsonName}";
                if (value is null && input.Attribute.IsRequired && input.Attribute.DefaultValue is null)
                {
                    Errors.Add(new DefinitionError(inputPath, $"required input '{input.Name}' is missing", activity.Id));
                }

                if (value is Input wrapped)
                {
                    CheckExpression(wrapped.Expression, $"{inputPath}.expression", activity, scope);
                }
            }

            foreach (var output in info.Outputs)
            {
                if (output.Property.GetValue(activity) is Output { MemoryReferenceId: { } reference })
                {
                    CheckReference(reference, $"{path}.{output.JsonName}.memoryReference.id", activity, scope);
                }
            }

            CheckSpecialInputs(activity, path, scope);
        }

        private void CheckSpecialInputs(Activity activity, string path, List<VariableDefinition> scope)
        {
            switch (activity)
            {
                case SetVariable { Variable: { } variable } when !IsVisible(variable.Id, scope) && !IsVisible(variable.Name, scope):
                    Errors.Add(new DefinitionError($"{path}.variable", $"unknown variable '{(string.IsNullOrEmpty(variable.Name) ? variable.Id : variable.Name)}'", activity.Id));
                    break;
                case FlowSwitch flowSwitch:
                    for (var i = 0; i < flowSwitch.Cases.Count; i++)
                    {
                        if (flowSwitch.Cases[i].Condition is { } condition)
                        {
                            CheckExpression(condition, $"{path}.cases[{i}].condition", activity, scope);
                        }
                    }

                    break;
                case Switch @switch:
                    for (var i = 0; i < @switch.Cases.Count; i++)
                    {
                        if (@switch.Cases[i].Condition is { } condition)
                        {
                            CheckExpression(condition, $"{path}.cases[{i}].condition", activity, scope);
                        }
                    }

                    break;
            }
        }

        private void CheckExpression(Expression expression, string path, Activity activity, List<VariableDefinition> scope)
        {
            if (ExpressionEngine.RejectedTypes.Contains(expression.Type))
            {
                Errors.Add(new DefinitionError($"{path}.type", $"{expression.Type} expressions are not supported (use JavaScript or Liquid)", activity.Id));
                return;
            }

            if (!expressions.Supports(expression.Type))
            {
                Errors.Add(new DefinitionError($"{path}.type", $"unknown expression type '{expression.Type}'", activity.Id));
                return;
            }

            if (expression.Type == ExpressionTypes.Variable)
            {
                var (id, name) = ReferenceParser.Parse(expression.Value);
                if (!IsVisible(id, scope) && !IsVisible(name, scope))
                {
                    Errors.Add(new DefinitionError($"{path}.value", $"unknown variable '{name ?? id}'", activity.Id));
                }
            }
        }

        private void CheckReference(string? reference, string path, Activity activity, List<VariableDefinition> scope)
        {
            if (reference is null || IsVisible(reference, scope) ||
                definition.Outputs.Exists(o => string.Equals(o.Name, reference, StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            Errors.Add(new DefinitionError(path, $"output is bound to unknown variable '{reference}'", activity.Id));
        }

        private static bool IsVisible(string? idOrName, List<VariableDefinition> scope) =>
            !string.IsNullOrEmpty(idOrName) && scope.Exists(v => v.Id == idOrName || v.Name == idOrName);

        private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
    }
}

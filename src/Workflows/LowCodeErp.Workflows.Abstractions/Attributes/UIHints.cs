namespace LowCodeErp.Workflows.Abstractions;

/// <summary>The editor names Elsa Studio understands for inputs.</summary>
public static class UIHints
{
    /// <summary>Single-line text or expression.</summary>
    public const string SingleLine = "singleline";
    /// <summary>Multi-line text.</summary>
    public const string MultiLine = "multiline";
    /// <summary>Boolean checkbox.</summary>
    public const string Checkbox = "checkbox";
    /// <summary>Multiple choice.</summary>
    public const string CheckList = "checklist";
    /// <summary>Single choice.</summary>
    public const string Dropdown = "dropdown";
    /// <summary>Single choice as radio buttons.</summary>
    public const string RadioList = "radiolist";
    /// <summary>Code editor (Monaco).</summary>
    public const string CodeEditor = "code-editor";
    /// <summary>JSON editor.</summary>
    public const string JsonEditor = "json-editor";
    /// <summary>List of strings.</summary>
    public const string MultiText = "multitext";
    /// <summary>Date and time.</summary>
    public const string DateTimePicker = "datetime-picker";
    /// <summary>A list of names that become ports (FlowFork branches, RunJavaScript outcomes).</summary>
    public const string DynamicOutcomes = "dynamic-outcomes";
    /// <summary>Pick one of the workflow's outcomes.</summary>
    public const string OutcomePicker = "outcome-picker";
    /// <summary>Pick a variable.</summary>
    public const string VariablePicker = "variable-picker";
    /// <summary>Pick a workflow definition.</summary>
    public const string WorkflowDefinitionPicker = "workflow-definition-picker";
    /// <summary>FlowSwitch's case editor.</summary>
    public const string FlowSwitchEditor = "flow-switch-editor";
    /// <summary>Switch's case editor.</summary>
    public const string SwitchEditor = "switch-editor";
    /// <summary>Key/value pairs.</summary>
    public const string Dictionary = "dictionary";
}

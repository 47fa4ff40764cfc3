namespace LowCodeErp.Workflows.Abstractions.Descriptors;

/// <summary>Builds the Studio descriptor of an activity class from its attributes.</summary>
public static class ActivityDescriber
{
    /// <summary>Describes <typeparamref name="TActivity"/>.</summary>
    public static ActivityDescriptor Describe<TActivity>() where TActivity : Activity, new() =>
        Describe(typeof(TActivity), () => new TActivity());

    /// <summary>Describes an activity class created by <paramref name="factory"/>.</summary>
    public static ActivityDescriptor Describe(Type activityType, Func<Activity> factory)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        var info = ActivityTypeInfo.Of(activityType);
        var attribute = info.Attribute;
        var separator = info.TypeName.LastIndexOf('.');
        var name = attribute?.Name ?? info.TypeName[(separator + 1)..];
        var isTerminal = typeof(ITerminalNode).IsAssignableFrom(activityType);
        var flowPorts = info.Outcomes.Select(o => new PortDescriptor(o, o));
        var embeddedPorts = info.Ports.Select(p => new PortDescriptor(
            System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name),
            p.GetCustomAttributes(typeof(PortAttribute), false).Cast<PortAttribute>().First().DisplayName ?? p.Name,
            "Embedded"));

        return new ActivityDescriptor
        {
            TypeName = info.TypeName,
            Namespace = attribute?.Namespace ?? (separator > 0 ? info.TypeName[..separator] : ""),
            Name = name,
            Version = info.Version,
            Category = attribute?.Category,
            DisplayName = attribute?.DisplayName ?? name,
            Description = attribute?.Description,
            Kind = typeof(ITrigger).IsAssignableFrom(activityType) ? ActivityKind.Trigger : attribute?.Kind ?? ActivityKind.Action,
            IsBrowsable = attribute?.IsBrowsable ?? true,
            IsStart = typeof(IStartNode).IsAssignableFrom(activityType),
            IsTerminal = isTerminal,
            IsContainer = info.Ports.Count > 0 || activityType.GetProperty("Activities") is not null,
            Ports = [.. flowPorts, .. embeddedPorts],
            Inputs = [.. info.Inputs.Select(DescribeInput)],
            Outputs = [.. info.Outputs.Select(o => new OutputDescriptor
            {
                Name = o.Name,
                TypeName = TypeAliases.GetAlias(o.ValueType),
                DisplayName = o.Attribute.DisplayName ?? o.Name,
                Description = o.Attribute.Description,
                IsSerializable = o.Attribute.IsSerializable,
            })],
            CustomProperties = new() { ["Type"] = $"{activityType.FullName}, {activityType.Assembly.GetName().Name}" },
            Factory = factory,
            TypeInfo = info,
        };
    }

    private static InputDescriptor DescribeInput(InputInfo input)
    {
        var attribute = input.Attribute;
        var valueType = Nullable.GetUnderlyingType(input.ValueType) ?? input.ValueType;
        var options = attribute.Options ?? (valueType.IsEnum ? Enum.GetNames(valueType) : null);
        var uiHint = attribute.UIHint ?? DefaultUIHint(valueType, options);
        return new InputDescriptor
        {
            Name = input.Name,
            TypeName = TypeAliases.GetAlias(input.ValueType),
            DisplayName = attribute.DisplayName ?? input.Name,
            Description = attribute.Description,
            Order = attribute.Order,
            IsBrowsable = attribute.IsBrowsable,
            IsSerializable = attribute.IsSerializable,
            IsWrapped = input.IsWrapped,
            UIHint = uiHint,
            Category = attribute.Category,
            DefaultValue = attribute.DefaultValue is Enum e ? e.ToString() : attribute.DefaultValue,
            DefaultSyntax = attribute.DefaultSyntax,
            IsSensitive = attribute.IsSensitive,
            AutoEvaluate = attribute.AutoEvaluate,
            IsRequired = attribute.IsRequired,
            UISpecifications = options is null ? null : new Dictionary<string, object?>
            {
                [uiHint] = new { selectList = new { items = options.Select(o => new { text = o, value = o }).ToArray() } },
            },
        };
    }

    private static string DefaultUIHint(Type valueType, string[]? options) =>
        options is not null ? UIHints.Dropdown
        : valueType == typeof(bool) ? UIHints.Checkbox
        : valueType == typeof(DateTime) || valueType == typeof(DateTimeOffset) ? UIHints.DateTimePicker
        : UIHints.SingleLine;
}

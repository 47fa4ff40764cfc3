using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace LowCodeErp.Workflows.Abstractions.Descriptors;

/// <summary>
/// What reflection tells about an activity class: its type name, inputs, outputs, ports and outcomes. Computed once per
/// class and shared; the serializer, the validator, the engine and the descriptor generator all read it.
/// </summary>
public sealed class ActivityTypeInfo
{
    private static readonly ConcurrentDictionary<Type, ActivityTypeInfo> Cache = new();

    private ActivityTypeInfo(Type type)
    {
        ClrType = type;
        Attribute = type.GetCustomAttribute<ActivityAttribute>();
        TypeName = Attribute is null ? type.Name : $"{Attribute.Namespace}.{Attribute.Name}";
        Version = Attribute?.Version ?? 1;
        Outcomes = type.GetCustomAttribute<OutcomesAttribute>()?.Outcomes ?? [];
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Inputs = [.. properties.Where(p => p.GetCustomAttribute<InputAttribute>() is not null)
            .Select(p => new InputInfo(p, p.GetCustomAttribute<InputAttribute>()!))
            .OrderBy(i => i.Attribute.Order)];
        Outputs = [.. properties.Where(p => typeof(Output).IsAssignableFrom(p.PropertyType))
            .Select(p => new OutputInfo(p, p.GetCustomAttribute<OutputAttribute>() ?? new OutputAttribute()))];
        Ports = [.. properties.Where(p => p.GetCustomAttribute<PortAttribute>() is not null && typeof(Activity).IsAssignableFrom(p.PropertyType))];
    }

    /// <summary>The activity class.</summary>
    public Type ClrType { get; }

    /// <summary>The declaring attribute, if any.</summary>
    public ActivityAttribute? Attribute { get; }

    /// <summary><c>Namespace.Name</c>.</summary>
    public string TypeName { get; }

    /// <summary>Activity version.</summary>
    public int Version { get; }

    /// <summary>Declared flow outcomes (empty: the single outcome Done).</summary>
    public IReadOnlyList<string> Outcomes { get; }

    /// <summary>Declared inputs.</summary>
    public IReadOnlyList<InputInfo> Inputs { get; }

    /// <summary>Declared outputs.</summary>
    public IReadOnlyList<OutputInfo> Outputs { get; }

    /// <summary>Properties holding embedded child activities.</summary>
    public IReadOnlyList<PropertyInfo> Ports { get; }

    /// <summary>The info for an activity class.</summary>
    public static ActivityTypeInfo Of(Type type) => Cache.GetOrAdd(type, t => new ActivityTypeInfo(t));

    /// <summary>Child activities held in port properties.</summary>
    public IEnumerable<Activity> GetPortActivities(Activity activity)
    {
        foreach (var port in Ports)
        {
            if (port.GetValue(activity) is Activity child)
            {
                yield return child;
            }
        }
    }

    /// <summary>The output property that holds <paramref name="output"/> (by reference), if any.</summary>
    public OutputInfo? FindOutput(Activity activity, Output output)
    {
        foreach (var info in Outputs)
        {
            if (ReferenceEquals(info.Property.GetValue(activity), output))
            {
                return info;
            }
        }

        return null;
    }
}

/// <summary>One declared input.</summary>
public sealed class InputInfo
{
    internal InputInfo(PropertyInfo property, InputAttribute attribute)
    {
        Property = property;
        Attribute = attribute;
        IsWrapped = typeof(Input).IsAssignableFrom(property.PropertyType);
        ValueType = IsWrapped ? property.PropertyType.GetGenericArguments()[0] : property.PropertyType;
        Name = property.Name;
        JsonName = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }

    /// <summary>The C# property.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The attribute with UI settings.</summary>
    public InputAttribute Attribute { get; }

    /// <summary>True for <see cref="Input{T}"/> properties (expressions); false for plain values.</summary>
    public bool IsWrapped { get; }

    /// <summary>The value type (T of Input&lt;T&gt;, or the plain property type).</summary>
    public Type ValueType { get; }

    /// <summary>PascalCase name as Studio's descriptors show it.</summary>
    public string Name { get; }

    /// <summary>camelCase name of the JSON property.</summary>
    public string JsonName { get; }
}

/// <summary>One declared output.</summary>
public sealed class OutputInfo
{
    internal OutputInfo(PropertyInfo property, OutputAttribute attribute)
    {
        Property = property;
        Attribute = attribute;
        ValueType = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[0] : typeof(object);
        JsonName = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
    }

    /// <summary>The C# property.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The attribute with UI settings.</summary>
    public OutputAttribute Attribute { get; }

    /// <summary>T of Output&lt;T&gt;.</summary>
    public Type ValueType { get; }

    /// <summary>PascalCase name.</summary>
    public string Name => Property.Name;

    /// <summary>camelCase JSON name.</summary>
    public string JsonName { get; }
}

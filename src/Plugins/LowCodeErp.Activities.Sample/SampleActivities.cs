namespace LowCodeErp.Activities.Sample;

/// <summary>Names shared by the sample activities: their type namespace and their toolbox category.</summary>
public static class SampleActivities
{
    /// <summary>Type namespace: type names read <c>Erp.Sample.AddBusinessDays</c>.</summary>
    public const string Namespace = "Erp.Sample";

    /// <summary>The toolbox group in Studio.</summary>
    public const string Category = "Erp Sample";
}

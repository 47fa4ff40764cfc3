using System.Xml.Linq;
using FluentAssertions;

namespace LowCodeErp.Activities.Sample.Tests;

/// <summary>The sample is what plugin authors copy: it must depend on the activity SDK and the framework only.</summary>
public sealed class PluginReferenceTests
{
    [Fact]
    public void Assembly_Should_ReferenceOnlyTheSdkAndTheFramework()
    {
        var references = typeof(AddBusinessDays).Assembly.GetReferencedAssemblies().Select(r => r.Name!).ToList();

        references.Should().Contain("LowCodeErp.Workflows.Abstractions");
        references.Where(r => r != "LowCodeErp.Workflows.Abstractions")
            .Should().OnlyContain(r => r.StartsWith("System.", StringComparison.Ordinal) || r == "System" || r == "netstandard");
    }

    [Fact]
    public void Project_Should_ReferenceOnlyTheSdkProject_AndNoPackages()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Plugins", "LowCodeErp.Activities.Sample", "LowCodeErp.Activities.Sample.csproj"));

        project.Descendants("PackageReference").Should().BeEmpty();
        project.Descendants("FrameworkReference").Should().BeEmpty();
        project.Descendants("Reference").Should().BeEmpty();
        project.Descendants("ProjectReference").Select(p => Path.GetFileName((string)p.Attribute("Include")!.Value.Replace('\\', '/')))
            .Should().Equal("LowCodeErp.Workflows.Abstractions.csproj");
    }

    [Fact]
    public void Activities_Should_ShareTheSampleNamespaceAndCategory()
    {
        var descriptors = new[] { typeof(AddBusinessDays), typeof(RoundToCurrency) }
            .Select(t => LowCodeErp.Workflows.Abstractions.Descriptors.ActivityDescriber.Describe(t, () => (LowCodeErp.Workflows.Abstractions.Activity)Activator.CreateInstance(t)!))
            .ToList();

        descriptors.Select(d => d.TypeName).Should().Equal("Erp.Sample.AddBusinessDays", "Erp.Sample.RoundToCurrency");
        descriptors.Should().OnlyContain(d => d.Category == SampleActivities.Category && d.Namespace == SampleActivities.Namespace);
        descriptors[1].Ports.Select(p => p.Name).Should().Equal("Unchanged", "Rounded");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LowCodeErp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("LowCodeErp.sln not found above " + AppContext.BaseDirectory);
    }
}

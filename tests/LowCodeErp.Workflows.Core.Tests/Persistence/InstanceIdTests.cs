using FluentAssertions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Tests.Persistence;

/// <summary>New instance ids keep Elsa's format and sort by creation time (indexes keyed by them grow at their end).</summary>
public sealed class InstanceIdTests
{
    [Fact]
    public void Ids_of_later_instances_should_sort_after_earlier_ones_in_elsas_format()
    {
        var start = new DateTimeOffset(2026, 11, 28, 22, 0, 0, TimeSpan.Zero);

        var ids = Enumerable.Range(0, 50).Select(i => InstanceIds.New(start.AddMilliseconds(i * 7))).ToList();

        ids.Should().BeInAscendingOrder(StringComparer.Ordinal);
        ids.Should().OnlyHaveUniqueItems();
        ids.Should().AllSatisfy(id => id.Should().MatchRegex("^[0-9a-f]{32}$"));
    }

    [Fact]
    public void Ids_made_in_the_same_millisecond_should_still_be_unique()
    {
        var now = DateTimeOffset.UtcNow;

        Enumerable.Range(0, 1000).Select(_ => InstanceIds.New(now)).Should().OnlyHaveUniqueItems();
    }
}

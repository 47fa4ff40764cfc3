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

    [Fact]
    public void Version_7_guids_should_carry_the_time_version_and_variant_as_the_framework_lays_them_out()
    {
        var now = new DateTimeOffset(2026, 11, 29, 0, 40, 1, 234, TimeSpan.Zero);

        var ours = InstanceIds.NewVersion7(now);
        var framework = Guid.CreateVersion7(now);

        ours.Version.Should().Be(7);
        (ours.Variant & 0b1100).Should().Be(0b1000, "RFC 9562's variant bits are 10");
        ours.ToString("N")[..12].Should().Be(framework.ToString("N")[..12], "the leading 48 bits are the Unix time in milliseconds");
        ours.ToString("N")[..12].Should().Be(now.ToUnixTimeMilliseconds().ToString("x12"));
    }

    [Fact]
    public void Version_4_guids_should_be_random_across_many_refills_of_the_block()
    {
        var guids = Enumerable.Range(0, 2000).Select(_ => InstanceIds.NewVersion4()).ToList();

        guids.Should().OnlyHaveUniqueItems();
        guids.Should().AllSatisfy(g => g.Version.Should().Be(4));
        guids.Should().AllSatisfy(g => (g.Variant & 0b1100).Should().Be(0b1000));
        // Every hex digit outside the version nibble shows up in every position: the bytes are not reused or zero.
        var text = guids.Select(g => g.ToString("N")).ToList();
        foreach (var position in new[] { 0, 7, 15, 20, 31 })
        {
            text.Select(t => t[position]).Distinct().Should().HaveCount(16, $"position {position} is random");
        }
    }
}

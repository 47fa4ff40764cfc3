using System.Dynamic;
using FluentAssertions;
using LowCodeErp.Rules.Model;

namespace LowCodeErp.Rules.Tests;

/// <summary><see cref="RuleInputs.NormalizeToArray"/>: the same normalised inputs whichever collection they come in, and no nameless or duplicate input.</summary>
public sealed class RuleInputsTests
{
    public static TheoryData<string> Shapes => ["list", "dictionary", "expando", "enumerable"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void NormalizeToArray_Should_NormalizeEveryInput_InOrder_WhateverTheCollection(string shape)
    {
        var inputs = Inputs(shape, [new("lease", new Dictionary<string, object?> { ["amount"] = 50000 }), new("score", 700L)]);

        var normalized = RuleInputs.NormalizeToArray(inputs);

        normalized.Select(kv => kv.Key).Should().Equal("lease", "score");
        ((IDictionary<string, object?>)normalized[0].Value!)["amount"].Should().Be(50000m);
        normalized[1].Value.Should().Be(700m);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void NormalizeToArray_Should_RefuseANamelessInput(string shape)
    {
        var act = () => RuleInputs.NormalizeToArray(Inputs(shape, [new("lease", 1), new("", 2)]));

        act.Should().Throw<ArgumentException>().WithParameterName("inputs").WithMessage("An input has no name.*");
    }

    [Theory]
    [InlineData("list")]
    [InlineData("enumerable")]
    public void NormalizeToArray_Should_RefuseAnInputGivenTwice(string shape)
    {
        var act = () => RuleInputs.NormalizeToArray(Inputs(shape, [new("lease", 1), new("score", 2), new("lease", 3)]));

        act.Should().Throw<ArgumentException>().WithParameterName("inputs").WithMessage("The input 'lease' is given twice.*");
    }

    private static IEnumerable<KeyValuePair<string, object?>> Inputs(string shape, KeyValuePair<string, object?>[] items)
    {
        switch (shape)
        {
            case "list":
                return items;
            case "dictionary":
                // A dictionary is countable but no list: the second branch.
                return items.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            case "expando":
                var expando = new ExpandoObject();
                foreach (var (key, value) in items)
                {
                    ((IDictionary<string, object?>)expando)[key] = value;
                }

                return expando;
            default:
                // Neither a list nor countable: the fallback branch.
                return items.Where(_ => true);
        }
    }
}

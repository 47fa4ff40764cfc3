using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Activities.Sample;

/// <summary>Rounds a money amount to what its currency can express, before posting or invoicing it.</summary>
[Activity(SampleActivities.Namespace, "RoundToCurrency", Category = SampleActivities.Category, DisplayName = "Round To Currency",
    Description = "Rounds an amount to the minor units of its currency (ISO 4217: 2 for EUR, 0 for JPY, 3 for KWD).")]
[Outcomes(Unchanged, Rounded)]
public sealed class RoundToCurrency : Activity
{
    /// <summary>Outcome when the amount already fits the currency.</summary>
    public const string Unchanged = "Unchanged";

    /// <summary>Outcome when rounding changed the amount (a rounding difference to book).</summary>
    public const string Rounded = "Rounded";

    /// <summary>The amount to round.</summary>
    [Input(Description = "The amount to round.", IsRequired = true, Order = 0)]
    public Input<decimal>? Amount { get; set; }

    /// <summary>ISO 4217 currency code.</summary>
    [Input(Description = "ISO 4217 currency code; decides the number of decimals.", DefaultValue = "EUR", Order = 1,
        Options = ["EUR", "USD", "GBP", "CHF", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "JPY", "KRW", "ISK", "KWD", "BHD", "OMR", "CLF"])]
    public Input<string> Currency { get; set; } = new("EUR");

    /// <summary>Explicit number of decimals.</summary>
    [Input(DisplayName = "Minor Units", Description = "Decimals to keep instead of the currency's minor units (for unlisted currencies or whole-unit rounding).", Order = 2)]
    public Input<int?>? MinorUnits { get; set; }

    /// <summary>How to round.</summary>
    [Input(DisplayName = "Rounding Mode", Description = "How to round: AwayFromZero is commercial rounding, ToEven is banker's rounding; ToZero, ToNegativeInfinity and ToPositiveInfinity truncate, floor and ceil.",
        DefaultValue = MidpointRounding.AwayFromZero, Order = 3)]
    public MidpointRounding Mode { get; set; } = MidpointRounding.AwayFromZero;

    /// <summary>The rounded amount.</summary>
    [Output(Description = "The rounded amount.")]
    public Output<decimal> Result { get; set; } = new();

    /// <summary>Rounded minus original amount.</summary>
    [Output(Description = "Rounded amount minus the original amount (the rounding difference).")]
    public Output<decimal> Difference { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var amount = await context.EvaluateAsync(Amount);
        var currency = await context.EvaluateAsync(Currency);
        var decimals = await context.EvaluateAsync(MinorUnits) ?? MinorUnitsOf(currency);
        if (decimals is < 0 or > 28)
        {
            throw new InvalidOperationException($"MinorUnits must be between 0 and 28, not {decimals}.");
        }

        var result = Math.Round(amount, decimals, Mode);
        context.Set(Result, result);
        context.Set(Difference, result - amount);
        await context.CompleteAsync(result == amount ? Unchanged : Rounded);
    }

    private static int MinorUnitsOf(string? currency) =>
        CurrencyMinorUnits.TryGet(currency, out var minorUnits)
            ? minorUnits
            : throw new InvalidOperationException($"Currency '{currency}' is not in the ISO 4217 table of this activity; set MinorUnits.");
}

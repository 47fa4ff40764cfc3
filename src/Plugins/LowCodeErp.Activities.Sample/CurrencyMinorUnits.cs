namespace LowCodeErp.Activities.Sample;

/// <summary>
/// ISO 4217 minor units (digits after the decimal point) of common currencies. Currencies not listed here are
/// rounded by giving the minor units explicitly.
/// </summary>
public static class CurrencyMinorUnits
{
    private static readonly Dictionary<string, int> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        // Two decimals: the usual case.
        ["EUR"] = 2, ["USD"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2,
        ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2, ["BGN"] = 2, ["TRY"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2,
        ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2, ["INR"] = 2, ["BRL"] = 2, ["MXN"] = 2, ["ZAR"] = 2, ["AED"] = 2,
        ["SAR"] = 2, ["ILS"] = 2, ["THB"] = 2, ["MYR"] = 2, ["PHP"] = 2, ["IDR"] = 2, ["RUB"] = 2, ["UAH"] = 2,
        // No minor unit.
        ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0, ["PYG"] = 0, ["UGX"] = 0, ["XOF"] = 0,
        ["XAF"] = 0, ["XPF"] = 0, ["RWF"] = 0, ["KMF"] = 0, ["GNF"] = 0, ["DJF"] = 0, ["BIF"] = 0, ["VUV"] = 0,
        // Three decimals.
        ["KWD"] = 3, ["BHD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3, ["LYD"] = 3, ["IQD"] = 3,
        // Four decimals (units of account).
        ["CLF"] = 4, ["UYW"] = 4,
    };

    /// <summary>Every currency code in the table.</summary>
    public static IReadOnlyCollection<string> Codes => Table.Keys;

    /// <summary>The minor units of <paramref name="currency"/> (case-insensitive), or false when it is not listed.</summary>
    public static bool TryGet(string? currency, out int minorUnits) =>
        Table.TryGetValue(currency?.Trim() ?? "", out minorUnits);
}

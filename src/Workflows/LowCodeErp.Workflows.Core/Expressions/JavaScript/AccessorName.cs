using System.Text;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>How Elsa derives accessor names: <c>order total</c> and <c>order_total</c> become <c>OrderTotal</c>.</summary>
internal static class AccessorName
{
    /// <summary>Removes spaces and underscores and upper-cases the first letter of every word.</summary>
    public static string Pascalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is ' ' or '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="accessor"/> is <paramref name="name"/> as declared or pascalized, without allocating.</summary>
    public static bool Matches(string name, ReadOnlySpan<char> accessor)
    {
        if (accessor.SequenceEqual(name))
        {
            return true;
        }

        var position = 0;
        var upper = true;
        foreach (var c in name)
        {
            if (c is ' ' or '_')
            {
                upper = true;
                continue;
            }

            if (position >= accessor.Length || accessor[position] != (upper ? char.ToUpperInvariant(c) : c))
            {
                return false;
            }

            position++;
            upper = false;
        }

        return position == accessor.Length && position > 0;
    }

    /// <summary>Whether <paramref name="name"/> can be part of a JavaScript identifier.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}

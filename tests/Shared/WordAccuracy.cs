using System.Text.RegularExpressions;

namespace BlueRobin.Testing;

/// <summary>
/// Word accuracy of OCR output against ground truth: 1 - (word-level edit distance / words in
/// the reference), ignoring case, punctuation and line breaks.
/// </summary>
public static partial class WordAccuracy
{
    public static double Of(string recognized, string reference)
    {
        var expected = Words(reference);
        var actual = Words(recognized);
        if (expected.Length == 0)
        {
            return actual.Length == 0 ? 1 : 0;
        }

        return Math.Max(0, 1 - (double)EditDistance(actual, expected) / expected.Length);
    }

    public static string[] Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(match => match.Value).ToArray();

    private static int EditDistance(string[] actual, string[] expected)
    {
        var previous = Enumerable.Range(0, expected.Length + 1).ToArray();
        var current = new int[expected.Length + 1];
        for (var i = 1; i <= actual.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= expected.Length; j++)
            {
                var substitution = previous[j - 1] + (actual[i - 1] == expected[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[expected.Length];
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}

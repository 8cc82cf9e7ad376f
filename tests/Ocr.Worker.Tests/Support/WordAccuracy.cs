using System.Text;

namespace Ocr.Worker.Tests.Support;

/// <summary>
/// How close recognized text is to a reference: 1 - (word-level edit distance / reference
/// words), compared case-insensitively with punctuation stripped. 1 is perfect; it can drop
/// below 0 when the output has many extra words.
/// </summary>
internal static class WordAccuracy
{
    public static double Of(string recognized, string reference)
    {
        var expected = Words(reference);
        var actual = Words(recognized);
        if (expected.Length == 0)
        {
            throw new ArgumentException("The reference has no words.", nameof(reference));
        }

        return 1.0 - (double)EditDistance(actual, expected) / expected.Length;
    }

    public static string[] Words(string text)
    {
        var letters = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            letters.Append(char.IsLetterOrDigit(character) || char.IsWhiteSpace(character)
                ? char.ToLowerInvariant(character)
                : ' ');
        }

        return letters.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
    }

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
}

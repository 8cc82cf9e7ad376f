using BlueRobin.Testing;
using Ocr.Worker.Tests.Support;

namespace Ocr.Worker.Tests;

public sealed class WordAccuracyTests
{
    [Fact]
    public void IdenticalTextIgnoringCaseAndPunctuationIsPerfect() =>
        Assert.Equal(1.0, WordAccuracy.Of("the QUICK, brown dog.", "The quick brown dog"));

    [Fact]
    public void OneWrongWordInFourCostsAQuarter() =>
        Assert.Equal(0.75, WordAccuracy.Of("the quick brown fox", "the quick brown dog"));

    [Fact]
    public void MissingAndExtraWordsEachCostOne()
    {
        Assert.Equal(0.75, WordAccuracy.Of("the brown dog", "the quick brown dog"));
        Assert.Equal(0.75, WordAccuracy.Of("the very quick brown dog", "the quick brown dog"));
    }
}

namespace VirtCluster.Tests.Fuzzing;

/// <summary>What one fuzz run did: cases run, accepted, refused as documented, and the first few unexpected failures.</summary>
internal sealed record FuzzReport(int Ran, int Accepted, int Rejected, int Unexpected, TimeSpan Elapsed, (int Case, TimeSpan Took) Slowest, IReadOnlyList<string> Failures)
{
    public override string ToString() =>
        $"{Ran} cases in {Elapsed.TotalSeconds:F1} s: {Accepted} accepted, {Rejected} refused, {Unexpected} unexpected failures; slowest case {Slowest.Case} took {Slowest.Took.TotalMilliseconds:F0} ms";

    /// <summary>The assertions every target shares.</summary>
    public void AssertSound()
    {
        Assert.True(Unexpected == 0, ToString() + "\n" + string.Join("\n\n", Failures));
        Assert.True(Ran >= FuzzRunner.MinimumCases, $"only {this}; at least {FuzzRunner.MinimumCases} are needed");
        Assert.True(Rejected > 0, $"no mutation was refused ({this}): the mutations are not reaching the target");
        Assert.True(Accepted > 0, $"no mutation was accepted ({this}): the seed inputs themselves may be refused");
    }
}

namespace VirtCluster.Tests.Bench.Runners;

/// <summary>Collects progress lines as they are reported (Progress&lt;T&gt; would post them later, on another thread).</summary>
internal sealed class SynchronousProgress(List<string> lines) : IProgress<string>
{
    public void Report(string value)
    {
        lock (lines)
        {
            lines.Add(value);
        }
    }
}

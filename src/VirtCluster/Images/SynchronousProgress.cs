namespace VirtCluster.Images;

/// <summary>
/// Reports on the caller's thread, in order. <see cref="Progress{T}"/> posts to the thread pool, which
/// can reorder lines and print them after the command has already returned.
/// </summary>
public sealed class SynchronousProgress(Action<string> report) : IProgress<string>
{
    private readonly Lock _gate = new();

    public void Report(string value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}

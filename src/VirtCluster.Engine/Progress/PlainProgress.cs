using System.Globalization;
using VirtCluster.Engine.Deployment;
using VirtCluster.Engine.Model;
using VirtCluster.Engine.Planning;

namespace VirtCluster.Engine.Progress;

/// <summary>
/// Progress as timestamped lines, for logs and pipes where a live display would be noise. Providers' status
/// lines are always shown (a long operation must not look hung in a CI log); their detail lines only when verbose.
/// </summary>
public sealed class PlainProgress(TextWriter output, bool verbose = false, TimeProvider? clock = null) : IDeploymentObserver
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public void Started(Urn urn, StepKind kind) => Write($"{StepText.Doing(kind)} {urn}");

    public void Progress(Urn urn, string message)
    {
        if (verbose)
        {
            Write($"{urn}: {message}");
        }
    }

    public void Status(Urn urn, string message) => Write($"{urn}: {message}");

    public void Finished(Urn urn, StepKind kind, Exception? error, TimeSpan elapsed) =>
        Write(error is null
            ? $"{StepText.Done(kind)} {urn} ({elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s)"
            : $"failed to {StepText.Verb(kind)} {urn}: {error.Message}");

    private void Write(string line)
    {
        var stamp = _clock.GetLocalNow().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        lock (_gate)
        {
            output.WriteLine($"{stamp} {line}");
        }
    }
}

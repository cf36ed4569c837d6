using System.Globalization;
using VirtCluster.Engine.Model;

namespace VirtCluster.Engine.Deployment;

/// <summary>
/// Runs a provider call under a resource's custom timeout. At the timeout the call's token is cancelled and the
/// operation fails at once, even if the provider does not stop: its pending record stays, so the next run asks
/// the provider what the call left, exactly as after a crash.
/// </summary>
internal static class OperationTimeout
{
    public static async Task<T> RunAsync<T>(string operation, Urn urn, TimeSpan? timeout, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        if (timeout is not { } limit)
        {
            return await call(cancellationToken);
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(limit);
        try
        {
            // Task.Run: a provider that blocks before its first await must not hold the timeout off.
            return await Task.Run(() => call(timer.Token), CancellationToken.None).WaitAsync(timer.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new OperationTimedOutException(operation, urn, limit);
        }
    }

    public static Task RunAsync(string operation, Urn urn, TimeSpan? timeout, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(operation, urn, timeout, async ct =>
        {
            await call(ct);
            return true;
        }, cancellationToken);

    /// <summary>A duration as Pulumi writes timeouts: <c>5m</c>, <c>1h30m</c>, <c>90s</c> → <c>1m30s</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(1))
        {
            return ((long)duration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        var text = "";
        if ((long)duration.TotalHours is var hours and > 0)
        {
            text += hours.ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (duration.Minutes > 0)
        {
            text += duration.Minutes.ToString(CultureInfo.InvariantCulture) + "m";
        }

        var seconds = duration.Seconds + (duration.Milliseconds / 1000.0);
        if (seconds > 0)
        {
            text += seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        }

        return text;
    }
}

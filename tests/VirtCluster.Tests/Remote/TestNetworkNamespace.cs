using System.Diagnostics;

namespace VirtCluster.Tests.Remote;

/// <summary>
/// A throwaway network namespace (<c>vct-RANDOM</c>) with only its loopback up; deleted on dispose, so the
/// only traffic tests send is inside a namespace they created.
/// </summary>
internal sealed class TestNetworkNamespace : IDisposable
{
    private TestNetworkNamespace(string name) => Name = name;

    public string Name { get; }

    public static TestNetworkNamespace Create()
    {
        var netns = new TestNetworkNamespace("vct-" + Guid.NewGuid().ToString("N")[..10]);
        Ip("netns", "add", netns.Name);
        try
        {
            Ip("netns", "exec", netns.Name, "ip", "link", "set", "lo", "up");
            return netns;
        }
        catch
        {
            netns.Dispose();
            throw;
        }
    }

    public void Dispose() => Ip("netns", "delete", Name);

    /// <summary>Runs <c>ip</c> and returns its stdout; fails the test with its stderr otherwise.</summary>
    public static string Ip(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)} failed: {stderr.Result}");
        }

        return stdout;
    }
}

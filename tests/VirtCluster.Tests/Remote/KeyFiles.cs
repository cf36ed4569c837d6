using System.Diagnostics;

namespace VirtCluster.Tests.Remote;

/// <summary>Runs the real ssh-keygen for tests that compare with what OpenSSH itself says.</summary>
internal static class KeyFiles
{
    public static string SshKeygen(params string[] arguments)
    {
        var start = new ProcessStartInfo("ssh-keygen") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"ssh-keygen {string.Join(' ', arguments)}: {stderr}");
        return stdout;
    }
}

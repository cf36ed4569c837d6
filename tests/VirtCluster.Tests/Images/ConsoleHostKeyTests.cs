using VirtCluster.Images;
using VirtCluster.Testing;

namespace VirtCluster.Tests.Images;

public sealed class ConsoleHostKeyTests
{
    /// <summary>The serial console of a node booted from images/hpc-node.yaml under TCG (CRLF line ends).</summary>
    private static string RealConsole() =>
        File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "VirtCluster.Tests", "Images", "Data", "node-console.log"));

    [Fact]
    public void TheHostKeyPrintedAtBootIsFoundInARealConsoleLog()
    {
        Assert.Equal(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFugYgq0XB0qPXa2DkKCbHJXxp/Iy08qq1EYJ/gJb5mE",
            ConsoleHostKey.Find(RealConsole()));
    }

    [Fact]
    public void AConsoleWithoutTheLineYetGivesNoKey()
    {
        var console = RealConsole();
        var beforeKey = console[..console.IndexOf(KernelCommandLine.HostKeyMarker, StringComparison.Ordinal)];

        Assert.Null(ConsoleHostKey.Find(beforeKey));
    }

    [Fact]
    public void ALineCutOffMidKeyIsNotTakenForAKey()
    {
        var console = RealConsole();
        var cut = console[..(console.IndexOf("gJb5mE", StringComparison.Ordinal) + 3)];

        Assert.Null(ConsoleHostKey.Find(cut));
    }

    [Fact]
    public void AfterARebootTheLastPrintedKeyCounts()
    {
        var rebooted = RealConsole() + "\r\nVIRTCLUSTER-HOSTKEY ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGr8rqX6+pnd52k5ikjCCs1SxS3+X7abTSP2CPUT/nfe\r\n";

        Assert.Equal("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGr8rqX6+pnd52k5ikjCCs1SxS3+X7abTSP2CPUT/nfe", ConsoleHostKey.Find(rebooted));
    }
}
